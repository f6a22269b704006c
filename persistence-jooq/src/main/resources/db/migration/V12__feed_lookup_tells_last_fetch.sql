-- The feed-token lookup also answers when and by whom the subscription was last fetched, so the
-- server skips the "record this fetch" write (a round trip) when it would change nothing. A
-- set-returning function cannot change its row type in place: drop and create. Its grant to the
-- runtime role is renewed by afterMigrate.sql, which runs after every migrate.
drop function aw_feed_by_token(uuid, text);

create function aw_feed_by_token(p_agent_id uuid, p_token text)
    returns table (id uuid, token text, detail text, last_fetched_at timestamptz, last_fetched_by text)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query
            select s.id, s.token, s.detail, s.last_fetched_at, s.last_fetched_by
              from public.subscriptions s
             where s.token = p_token and s.agent_id = p_agent_id;
        perform set_config('aw.definer', '', true);
    end
    $$;
