-- Issue 17: several labelled keys per agent, each with scopes, an optional expiry, and a rotation
-- in progress (the previous digest and the instant until which it still unlocks the key).
-- Existing keys keep working with every scope; their prefix was never stored, so it stays unknown.

alter table api_keys drop constraint api_keys_agent_id_key;

alter table api_keys
    add column label text check (length(label) between 1 and 100),
    add column scopes text[] not null
        default array['events:read', 'events:write', 'docs:read', 'docs:write', 'webhooks:manage']
        check (scopes <@ array['events:read', 'events:write', 'docs:read', 'docs:write', 'webhooks:manage']
               and cardinality(scopes) between 1 and 5),
    add column prefix text check (length(prefix) = 8),
    add column expires_at timestamptz,
    add column last_used_at timestamptz,
    add column revoked_at timestamptz,
    -- Unique, so a presented digest finds at most one key by either column through an index.
    add column previous_digest bytea unique check (length(previous_digest) = 32),
    add column previous_valid_until timestamptz,
    add constraint api_keys_previous_has_deadline
        check ((previous_digest is null) = (previous_valid_until is null));

update api_keys set label = 'Default key';

create index api_keys_agent_created on api_keys (agent_id, created_at, id);

-- API key (its SHA-256 digest) -> the live key it unlocks, the key's scopes and expiry, and the
-- agent's status. A digest matches the key's current secret, or its previous one while a rotation
-- grace runs: then previous_valid_until says until when, and the server decides with its clock
-- (the same clock for expiry), so every instance draws the line at the same instant. Revoked keys
-- match nothing. Both branches are unique-index equalities. The row type changes: drop and create
-- (afterMigrate.sql renews the grant).
drop function aw_agent_by_key_digest(bytea);

create function aw_agent_by_key_digest(p_digest bytea)
    returns table (agent_id uuid, status text, key_id uuid, label text, scopes text[],
                   expires_at timestamptz, last_used_at timestamptz, previous_valid_until timestamptz)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query
            select a.id, a.status, k.id, k.label, k.scopes, k.expires_at, k.last_used_at, null::timestamptz
              from public.api_keys k join public.agents a on a.id = k.agent_id
             where k.digest = p_digest and k.revoked_at is null
            union all
            select a.id, a.status, k.id, k.label, k.scopes, k.expires_at, k.last_used_at, k.previous_valid_until
              from public.api_keys k join public.agents a on a.id = k.agent_id
             where k.previous_digest = p_digest and k.revoked_at is null;
        perform set_config('aw.definer', '', true);
    end
    $$;

-- Records that a key was used at p_at, unless it was already recorded at or after p_stale_before:
-- the conditional update is what keeps "last used" to at most one write a minute per key across
-- instances. Answers whether it wrote. Knowing the key's id alone allows no more than this.
create function aw_touch_api_key(p_key_id uuid, p_at timestamptz, p_stale_before timestamptz)
    returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        touched integer;
    begin
        perform set_config('aw.definer', 'on', true);
        update public.api_keys set last_used_at = p_at
         where id = p_key_id and (last_used_at is null or last_used_at < p_stale_before);
        get diagnostics touched = row_count;
        perform set_config('aw.definer', '', true);
        return touched > 0;
    end
    $$;

create policy api_keys_definer_touch on api_keys for update
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

-- Agent -> its owner's id, for the operator's command line (`key create --agent ID`), which names
-- an agent but no user; the runtime role never reaches it over HTTP.
create function aw_agent_owner(p_agent_id uuid)
    returns text
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        owner text;
    begin
        perform set_config('aw.definer', 'on', true);
        select a.owner_id into owner from public.agents a where a.id = p_agent_id;
        perform set_config('aw.definer', '', true);
        return owner;
    end
    $$;
