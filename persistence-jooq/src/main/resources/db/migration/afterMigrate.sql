-- Runs after every migrate (a Flyway callback, not a versioned migration), so the runtime role's
-- grants follow the schema even when the role is introduced after the first deployment.
-- ${runtimeRole} is the role the server connects as; empty, or the migrating role itself,
-- means one role does both and there is nothing to grant.
-- A migration that adds a table or a function the server needs must add its grant here.
do $$
declare
    runtime text := '${runtimeRole}';
    r pg_catalog.pg_roles%rowtype;
begin
    if runtime = '' or runtime = current_user then
        return;
    end if;
    select * into r from pg_catalog.pg_roles where rolname = runtime;
    if not found then
        raise exception 'the runtime role "%" does not exist; create it first (docs/operations.md)', runtime;
    end if;
    if r.rolsuper or r.rolbypassrls then
        raise exception 'the runtime role "%" is a superuser or has BYPASSRLS: row-level security would not apply to it', runtime;
    end if;
    if pg_catalog.pg_has_role(runtime, current_user, 'MEMBER') then
        raise exception 'the runtime role "%" is a member of the owner role "%": it could act as the owner', runtime, current_user;
    end if;
    execute format('grant select, insert, update, delete on table public.agents, public.calendars, public.events, '
        || 'public.documents, public.subscriptions, public.api_keys, public.audit_entries, '
        || 'public.idempotency_records to %I', runtime);
    -- Exceptions of recurring series (V14), scoped like events.
    execute format('grant select, insert, update, delete on table public.event_exceptions to %I', runtime);
    -- Row-level security shows the owner scope's own row only; writes go through the functions.
    execute format('grant select on table public.users to %I', runtime);
    -- Rate-limit buckets belong to no agent (keys name an agent, a user, a token digest or an
    -- address), so the table has no row-level security; the server reads and writes all of it.
    execute format('grant select, insert, update, delete on table public.rate_limit_buckets to %I', runtime);
    -- The change log and the webhook outbox (V15, V16): written by triggers under the writer's scope,
    -- read by the agent's own scope; the sender and the purge reach across agents only through the
    -- functions granted below.
    execute format('grant select, insert, update, delete on table public.changes, public.webhook_endpoints, '
        || 'public.webhook_messages to %I', runtime);
    execute format('grant usage on sequence public.change_seq to %I', runtime);
    execute format('grant execute on function public.aw_purge_tombstones(timestamptz, integer), '
        || 'public.aw_server_secret(text, bytea), '
        || 'public.aw_claim_webhook_messages(timestamptz, interval, integer), '
        || 'public.aw_record_webhook_attempt(uuid, timestamptz, integer, boolean, timestamptz, interval), '
        || 'public.aw_purge_webhook_messages(timestamptz, integer), public.aw_webhook_queue_depth() to %I',
        runtime);
    -- Read-only, so the server can report the schema version it runs on.
    execute format('grant select on table public.flyway_schema_history to %I', runtime);
    execute format('grant execute on function public.aw_agent_by_key_digest(bytea), '
        || 'public.aw_touch_api_key(uuid, timestamptz, timestamptz), public.aw_agent_owner(uuid), '
        || 'public.aw_feed_by_token(text), public.aw_find_user(text), public.aw_is_tombstoned(text), '
        || 'public.aw_provision_user(text, text, text, text, text, timestamptz), '
        || 'public.aw_upsert_user(text, text, text, text, text, timestamptz), '
        || 'public.aw_delete_user(text, timestamptz), public.aw_mark_webhook_processed(text, timestamptz) to %I',
        runtime);
    -- An agent key's check and scope in one statement, sent with the request's first query (V19).
    execute format('grant execute on function public.aw_enter_agent_scope(uuid, bytea, timestamptz, boolean) to %I',
        runtime);
    -- The periodic purge of expired idempotency records and old webhook ids (V18).
    execute format('grant execute on function public.aw_purge_expired(timestamptz, timestamptz, integer) to %I', runtime);
end
$$;
