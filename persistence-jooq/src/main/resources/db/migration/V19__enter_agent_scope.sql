-- Issue 21: the key check and the row-level-security scope in one statement, sent in the same
-- message as the request's first query (JooqTransactions), so an agent request costs one round
-- trip (a write two: its COMMIT) and the database still verifies the key on every request.

-- The scope of an agent proven by an API key, for the rest of the (implicit or explicit)
-- transaction: p_digest must unlock a live key of p_agent_id at p_now (the server's clock, as for
-- every other deadline): its current secret, not revoked and not expired, or its previous secret
-- before the rotation's grace deadline; and the agent's status must permit the access (suspended:
-- nothing; read_only: reads only). Each refusal raises its own SQLSTATE, which the server turns
-- into 401 (AWKEY), 403 suspended (AWSUS) or 403 read-only (AWRDO); the transaction is then
-- aborted, so nothing sent after this call in the same message runs. The key's last use is
-- written only when the stored one is a minute old (API.md: "at most once a minute"), so a busy
-- key costs one write a minute, not one per request. plpgsql: its statements are planned once
-- per connection.
create function aw_enter_agent_scope(p_agent_id uuid, p_digest bytea, p_now timestamptz, p_write boolean)
    returns void
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        v_key_id uuid;
        v_agent_id uuid;
        v_expires_at timestamptz;
        v_last_used_at timestamptz;
        v_valid_until timestamptz;
        v_status text;
    begin
        perform set_config('aw.definer', 'on', true);
        select k.id, k.agent_id, k.expires_at, k.last_used_at, null::timestamptz, a.status
          into v_key_id, v_agent_id, v_expires_at, v_last_used_at, v_valid_until, v_status
          from public.api_keys k join public.agents a on a.id = k.agent_id
         where k.digest = p_digest and k.revoked_at is null;
        if not found then
            select k.id, k.agent_id, k.expires_at, k.last_used_at, k.previous_valid_until, a.status
              into v_key_id, v_agent_id, v_expires_at, v_last_used_at, v_valid_until, v_status
              from public.api_keys k join public.agents a on a.id = k.agent_id
             where k.previous_digest = p_digest and k.revoked_at is null;
        end if;
        if v_key_id is null or v_agent_id <> p_agent_id
           or (v_expires_at is not null and p_now >= v_expires_at)
           or (v_valid_until is not null and p_now >= v_valid_until) then
            raise exception 'API key refused' using errcode = 'AWKEY';
        end if;
        if v_status = 'suspended' then
            raise exception 'Agent is suspended' using errcode = 'AWSUS';
        end if;
        if p_write and v_status = 'read_only' then
            raise exception 'Agent is read-only' using errcode = 'AWRDO';
        end if;
        if v_last_used_at is null or v_last_used_at < p_now - interval '1 minute' then
            update public.api_keys set last_used_at = p_now
             where id = v_key_id and (last_used_at is null or last_used_at < p_now - interval '1 minute');
        end if;
        perform set_config('aw.definer', '', true);
        perform set_config('app.user_id', '', true);
        perform set_config('app.agent_id', p_agent_id::text, true);
    end
    $$;

revoke execute on function aw_enter_agent_scope(uuid, bytea, timestamptz, boolean) from public;

-- Every definer-only policy asks this once per statement. As a SQL function with a sub-select it
-- could not be inlined and was planned anew on every call (PostgreSQL 17); plpgsql keeps its plan
-- for the connection. Same signature and meaning, so the policies that name it stay as they are.
create or replace function aw_definer_context() returns boolean
    language plpgsql stable
    as $$
    begin
        return coalesce(pg_catalog.current_setting('aw.definer', true) = 'on', false)
           and current_user = (select pg_catalog.pg_get_userbyid(c.relowner)
                                 from pg_catalog.pg_class c
                                where c.oid = 'public.agents'::pg_catalog.regclass);
    end
    $$;
