-- Outbound webhooks to agents (issue 19): the endpoints an agent or its owner registered, and an
-- outbox of messages that database triggers write in the same transaction as the event or
-- document write they announce (DESIGN.md), so a message survives any crash after the commit and
-- none exists for a write that rolled back.
--
-- The secret is kept in clear because every delivery is signed with it (HMAC); it is shown to the
-- caller once, never listed, never logged.
create table webhook_endpoints (
    id             uuid primary key,
    agent_id       uuid not null references agents (id) on delete cascade,
    url            text not null check (length(url) between 1 and 2000),
    event_types    text[] not null,
    secret         text not null check (length(secret) between 10 and 200),
    created_at     timestamptz not null,
    -- The first failure since the last success; five days of it disables the endpoint.
    failing_since  timestamptz,
    disabled_at    timestamptz
);
create index webhook_endpoints_agent_idx on webhook_endpoints (agent_id, created_at, id);

-- One message per (write, endpoint). Its id is the webhook-id header, the same on every retry.
-- snapshot holds the row as the write left it (documents without content), so every attempt sends
-- the same body, and the write pays one jsonb per subscribed endpoint, nothing more.
create table webhook_messages (
    id                uuid primary key default gen_random_uuid(),
    endpoint_id       uuid not null references webhook_endpoints (id) on delete cascade,
    agent_id          uuid not null references agents (id) on delete cascade,
    type              text not null check (type in ('event.created', 'event.updated', 'event.deleted',
                                                    'document.created', 'document.updated', 'document.deleted')),
    object_id         uuid not null,
    snapshot          jsonb,
    created_at        timestamptz not null,
    status            text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
    attempts          integer not null default 0,
    next_attempt_at   timestamptz,
    last_status_code  integer,
    last_attempt_at   timestamptz
);
-- The sender's claim: pending messages by due time.
create index webhook_messages_due_idx on webhook_messages (next_attempt_at) where status = 'pending';
create index webhook_messages_endpoint_idx on webhook_messages (endpoint_id, created_at desc, id desc);
create index webhook_messages_finished_idx on webhook_messages (created_at) where status <> 'pending';

-- One function for the six triggers, like aw_log_changes (V15): its argument is the object type,
-- tg_op names the change. Nothing is queued for a deletion cascading from the agent's deletion
-- (its endpoints go with it), nor for a disabled endpoint.
create function aw_queue_webhooks() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        message_type text := tg_argv[0] || case tg_op when 'INSERT' then '.created'
                                                      when 'UPDATE' then '.updated' else '.deleted' end;
    begin
        insert into public.webhook_messages (endpoint_id, agent_id, type, object_id, snapshot, created_at,
                                             next_attempt_at)
        select e.id, w.agent_id, message_type, w.id,
               case when tg_op = 'DELETE' then null else pg_catalog.to_jsonb(w) - 'content' end,
               pg_catalog.statement_timestamp(), pg_catalog.statement_timestamp()
          from changed_rows w
          join public.webhook_endpoints e on e.agent_id = w.agent_id
         where e.disabled_at is null and message_type = any (e.event_types)
           and exists (select 1 from public.agents a where a.id = w.agent_id);
        return null;
    end
    $$;

create trigger events_inserted_queue_webhooks after insert on events
    referencing new table as changed_rows for each statement execute function aw_queue_webhooks('event');
create trigger events_updated_queue_webhooks after update on events
    referencing new table as changed_rows for each statement execute function aw_queue_webhooks('event');
create trigger events_deleted_queue_webhooks after delete on events
    referencing old table as changed_rows for each statement execute function aw_queue_webhooks('event');
create trigger documents_inserted_queue_webhooks after insert on documents
    referencing new table as changed_rows for each statement execute function aw_queue_webhooks('document');
create trigger documents_updated_queue_webhooks after update on documents
    referencing new table as changed_rows for each statement execute function aw_queue_webhooks('document');
create trigger documents_deleted_queue_webhooks after delete on documents
    referencing old table as changed_rows for each statement execute function aw_queue_webhooks('document');

alter table webhook_endpoints enable row level security;
alter table webhook_endpoints force row level security;
create policy webhook_endpoints_scope on webhook_endpoints
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));
create policy webhook_endpoints_definer on webhook_endpoints
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

alter table webhook_messages enable row level security;
alter table webhook_messages force row level security;
create policy webhook_messages_scope on webhook_messages
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));
create policy webhook_messages_definer on webhook_messages
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

-- The sender disables a failing endpoint and says so in the agent's audit log.
create policy audit_entries_definer_append on audit_entries for insert
    with check ((select aw_definer_context()));

-- The sender works for every agent at once, so it reaches the outbox through these functions
-- only. A claim takes due messages with "for update skip locked" and leases them: attempts + 1 and
-- next_attempt_at moved past the lease before the transaction commits, so another instance skips
-- them while this one sends, and picks them up again if this one dies before recording the result
-- (at least once, same webhook-id).
create function aw_claim_webhook_messages(p_now timestamptz, p_lease interval, p_limit integer)
    returns table (id uuid, agent_id uuid, endpoint_id uuid, url text, secret text, type text, object_id uuid,
                   snapshot jsonb, created_at timestamptz, attempts integer)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query
            with due as (
                select m.id from public.webhook_messages m
                 where m.status = 'pending' and m.next_attempt_at <= p_now
                 order by m.next_attempt_at
                 limit p_limit
                   for update skip locked)
            update public.webhook_messages m
               set attempts = m.attempts + 1, next_attempt_at = p_now + p_lease
              from due, public.webhook_endpoints e
             where m.id = due.id and e.id = m.endpoint_id
            returning m.id, m.agent_id, m.endpoint_id, e.url, e.secret, m.type, m.object_id, m.snapshot,
                      m.created_at, m.attempts;
        perform set_config('aw.definer', '', true);
    end
    $$;

-- Records one attempt's outcome. p_next_attempt_at null after a failure means no retry is left:
-- the message has failed. An endpoint failing since longer than p_disable_after is disabled, its
-- pending messages marked failed, and an audit entry written; answers whether that happened.
create function aw_record_webhook_attempt(p_id uuid, p_now timestamptz, p_status_code integer,
                                          p_succeeded boolean, p_next_attempt_at timestamptz,
                                          p_disable_after interval)
    returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        endpoint public.webhook_endpoints%rowtype;
    begin
        perform set_config('aw.definer', 'on', true);
        update public.webhook_messages m
           set status = case when p_succeeded then 'succeeded'
                             when p_next_attempt_at is null then 'failed' else 'pending' end,
               next_attempt_at = case when p_succeeded then null else p_next_attempt_at end,
               last_status_code = p_status_code, last_attempt_at = p_now
         where m.id = p_id;
        update public.webhook_endpoints e
           set failing_since = case when p_succeeded then null else coalesce(e.failing_since, p_now) end
          from public.webhook_messages m
         where m.id = p_id and e.id = m.endpoint_id
        returning e.* into endpoint;
        if endpoint.id is not null and endpoint.disabled_at is null and endpoint.failing_since is not null
           and endpoint.failing_since <= p_now - p_disable_after then
            update public.webhook_endpoints e set disabled_at = p_now where e.id = endpoint.id;
            update public.webhook_messages m set status = 'failed', next_attempt_at = null
             where m.endpoint_id = endpoint.id and m.status = 'pending';
            insert into public.audit_entries (id, agent_id, action, actor, detail, at)
            values (gen_random_uuid(), endpoint.agent_id, 'webhook.disabled', 'system:webhooks',
                    'endpoint ' || endpoint.id || ' failed for ' || p_disable_after, p_now);
            perform set_config('aw.definer', '', true);
            return true;
        end if;
        perform set_config('aw.definer', '', true);
        return false;
    end
    $$;

-- Finished messages older than p_before go, at most p_limit at a time (claimed like the purge of
-- tombstones, so instances share the work).
create function aw_purge_webhook_messages(p_before timestamptz, p_limit integer)
    returns integer
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        purged integer;
    begin
        perform set_config('aw.definer', 'on', true);
        delete from public.webhook_messages m
         using (select o.id from public.webhook_messages o
                 where o.status <> 'pending' and o.created_at < p_before
                 limit p_limit for update skip locked) old
         where m.id = old.id;
        get diagnostics purged = row_count;
        perform set_config('aw.definer', '', true);
        return purged;
    end
    $$;

-- For /metrics: messages waiting to be sent, over every agent (a count, no content).
create function aw_webhook_queue_depth()
    returns bigint
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        depth bigint;
    begin
        perform set_config('aw.definer', 'on', true);
        select count(*) into depth from public.webhook_messages m where m.status = 'pending';
        perform set_config('aw.definer', '', true);
        return depth;
    end
    $$;

revoke execute on function aw_claim_webhook_messages(timestamptz, interval, integer) from public;
revoke execute on function aw_record_webhook_attempt(uuid, timestamptz, integer, boolean, timestamptz, interval)
    from public;
revoke execute on function aw_purge_webhook_messages(timestamptz, integer) from public;
revoke execute on function aw_webhook_queue_depth() from public;
