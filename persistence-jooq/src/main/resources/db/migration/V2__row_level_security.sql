-- Row-level security: the database's own wall behind every query's scope predicate.
--
-- Every transaction of the server states its scope first (JooqTransactions):
--   app.agent_id = the agent whose scope it is, or ''
--   app.user_id  = the owner whose scope it is, or ''
-- A row is visible when it belongs to the scope's agent or to an agent the scope's user owns.
-- An unset or empty setting admits nothing: a pooled connection reports '' (not NULL) once any
-- transaction has set the variable locally, hence nullif.
--
-- No role name appears here: the runtime role's grants live in afterMigrate.sql, which names
-- it through the ${runtimeRole} placeholder.

create function aw_scope_agent() returns uuid
    language sql stable parallel safe
    as $$ select nullif(pg_catalog.current_setting('app.agent_id', true), '')::uuid $$;

create function aw_scope_user() returns text
    language sql stable parallel safe
    as $$ select nullif(pg_catalog.current_setting('app.user_id', true), '') $$;

-- True only inside one of the SECURITY DEFINER functions below: they run as the schema owner
-- and switch aw.definer on around their own statements (transaction-local, so an error rolls it
-- back with the (sub)transaction). Anyone can set aw.definer, so the owner check matters: the runtime role is not the owner and cannot become it. When the server itself
-- connects as the owner (one role for everything) it could set the flag; that role can
-- disable RLS anyway, and the application never sets it.
create function aw_definer_context() returns boolean
    language sql stable
    as $$
        select coalesce(pg_catalog.current_setting('aw.definer', true) = 'on', false)
           and current_user = (select pg_catalog.pg_get_userbyid(c.relowner)
                                 from pg_catalog.pg_class c
                                where c.oid = 'public.agents'::pg_catalog.regclass)
    $$;

-- Policies: scalar subqueries make PostgreSQL evaluate each setting once per statement
-- (an InitPlan), so the scope comparison stays an indexable "agent_id = $n".

alter table agents enable row level security;
alter table agents force row level security;
create policy agents_scope on agents
    using (id = (select aw_scope_agent()) or owner_id = (select aw_scope_user()))
    with check (id = (select aw_scope_agent()) or owner_id = (select aw_scope_user()));
create policy agents_definer_read on agents for select
    using ((select aw_definer_context()));

alter table calendars enable row level security;
alter table calendars force row level security;
create policy calendars_scope on calendars
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));

alter table events enable row level security;
alter table events force row level security;
create policy events_scope on events
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));

alter table documents enable row level security;
alter table documents force row level security;
create policy documents_scope on documents
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));

alter table subscriptions enable row level security;
alter table subscriptions force row level security;
create policy subscriptions_scope on subscriptions
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));
create policy subscriptions_definer_read on subscriptions for select
    using ((select aw_definer_context()));

alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy api_keys_scope on api_keys
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));
create policy api_keys_definer_read on api_keys for select
    using ((select aw_definer_context()));

alter table audit_entries enable row level security;
alter table audit_entries force row level security;
create policy audit_entries_scope on audit_entries
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));

alter table idempotency_records enable row level security;
alter table idempotency_records force row level security;
create policy idempotency_records_scope on idempotency_records
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));

-- Not agent-owned. A user sees their own row; every write, and the lookups that happen before
-- a scope exists, go through the definer functions below.
alter table users enable row level security;
alter table users force row level security;
create policy users_self on users
    using (id = (select aw_scope_user()) or (select aw_definer_context()))
    with check ((select aw_definer_context()));

-- Reached only through the definer functions; no policy admits anyone else.
alter table user_tombstones enable row level security;
alter table user_tombstones force row level security;
create policy user_tombstones_definer on user_tombstones
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

alter table processed_webhooks enable row level security;
alter table processed_webhooks force row level security;
create policy processed_webhooks_definer on processed_webhooks
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

-- The chain's cross-scope steps. Each answers one precise question and returns only what the
-- chain needs; knowing the argument (a key's digest, a feed token, a user id from a verified
-- session or webhook) is the capability. search_path is pinned so no object the caller creates
-- can stand in for ours; every table is schema-qualified anyway. (A function-level
-- "set aw.definer = 'on'" would be neater, but PostgreSQL lets only superusers attach an
-- unregistered custom setting to a function.)

-- API key (its SHA-256 digest) -> its agent and the agent's status.
create function aw_agent_by_key_digest(p_digest bytea)
    returns table (agent_id uuid, status text)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query
            select a.id, a.status
              from public.api_keys k join public.agents a on a.id = k.agent_id
             where k.digest = p_digest;
        perform set_config('aw.definer', '', true);
    end
    $$;

-- (agent, feed token) -> the subscription: its id, token and detail level.
create function aw_feed_by_token(p_agent_id uuid, p_token text)
    returns table (id uuid, token text, detail text)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query
            select s.id, s.token, s.detail
              from public.subscriptions s
             where s.token = p_token and s.agent_id = p_agent_id;
        perform set_config('aw.definer', '', true);
    end
    $$;

-- User sync: sessions and webhooks name users before any owner scope exists.
create function aw_find_user(p_id text)
    returns setof public.users
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query select u.* from public.users u where u.id = p_id;
        perform set_config('aw.definer', '', true);
    end
    $$;

create function aw_is_tombstoned(p_id text)
    returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        found_one boolean;
    begin
        perform set_config('aw.definer', 'on', true);
        found_one := exists (select 1 from public.user_tombstones t where t.id = p_id);
        perform set_config('aw.definer', '', true);
        return found_one;
    end
    $$;

-- Creates the user on first sight unless tombstoned; never changes an existing row.
create function aw_provision_user(p_id text, p_email text, p_first_name text, p_last_name text,
                                  p_image_url text, p_now timestamptz)
    returns setof public.users
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        if not exists (select 1 from public.user_tombstones t where t.id = p_id) then
            insert into public.users (id, email, first_name, last_name, image_url, created_at, updated_at)
            values (p_id, p_email, p_first_name, p_last_name, p_image_url, p_now, p_now)
            on conflict (id) do nothing;
            return query select u.* from public.users u where u.id = p_id;
        end if;
        perform set_config('aw.definer', '', true);
    end
    $$;

-- Creates or updates the user and lifts any tombstone (an explicit re-creation).
create function aw_upsert_user(p_id text, p_email text, p_first_name text, p_last_name text,
                               p_image_url text, p_now timestamptz)
    returns setof public.users
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        delete from public.user_tombstones t where t.id = p_id;
        return query
            insert into public.users as u (id, email, first_name, last_name, image_url, created_at, updated_at)
            values (p_id, p_email, p_first_name, p_last_name, p_image_url, p_now, p_now)
            on conflict (id) do update
                set email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
                    image_url = excluded.image_url, updated_at = excluded.updated_at
            returning u.*;
        perform set_config('aw.definer', '', true);
    end
    $$;

-- Tombstones the user and deletes the row; the foreign keys' cascades remove everything the
-- user owns (referential actions run as the table owner and bypass row security).
create function aw_delete_user(p_id text, p_now timestamptz)
    returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        deleted integer;
    begin
        perform set_config('aw.definer', 'on', true);
        insert into public.user_tombstones (id, deleted_at) values (p_id, p_now)
        on conflict (id) do nothing;
        delete from public.users u where u.id = p_id;
        get diagnostics deleted = row_count;
        perform set_config('aw.definer', '', true);
        return deleted = 1;
    end
    $$;

-- Records a webhook delivery id; false when it was recorded before.
create function aw_mark_webhook_processed(p_delivery_id text, p_at timestamptz)
    returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        inserted integer;
    begin
        perform set_config('aw.definer', 'on', true);
        insert into public.processed_webhooks (delivery_id, processed_at) values (p_delivery_id, p_at)
        on conflict (delivery_id) do nothing;
        get diagnostics inserted = row_count;
        perform set_config('aw.definer', '', true);
        return inserted = 1;
    end
    $$;

-- Functions are executable by PUBLIC unless revoked; the runtime role gets them by name.
revoke execute on function aw_agent_by_key_digest(bytea) from public;
revoke execute on function aw_feed_by_token(uuid, text) from public;
revoke execute on function aw_find_user(text) from public;
revoke execute on function aw_is_tombstoned(text) from public;
revoke execute on function aw_provision_user(text, text, text, text, text, timestamptz) from public;
revoke execute on function aw_upsert_user(text, text, text, text, text, timestamptz) from public;
revoke execute on function aw_delete_user(text, timestamptz) from public;
revoke execute on function aw_mark_webhook_processed(text, timestamptz) from public;
