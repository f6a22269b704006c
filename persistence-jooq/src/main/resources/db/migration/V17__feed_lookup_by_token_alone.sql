-- The feed-token lookup finds the subscription by its token alone (the token is unique) and
-- answers the agent the token belongs to, read from the row. The server then compares that agent
-- with the one named in the feed URL: before, the lookup was given the URL's agent and the
-- server compared that value with itself. A set-returning function cannot change its row type
-- or arguments in place: drop and create. Its grant to the runtime role is renewed by
-- afterMigrate.sql, which runs after every migrate.
drop function aw_feed_by_token(uuid, text);

create function aw_feed_by_token(p_token text)
    returns table (id uuid, agent_id uuid, token text, detail text, last_fetched_at timestamptz,
                   last_fetched_by text)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        perform set_config('aw.definer', 'on', true);
        return query
            select s.id, s.agent_id, s.token, s.detail, s.last_fetched_at, s.last_fetched_by
              from public.subscriptions s
             where s.token = p_token;
        perform set_config('aw.definer', '', true);
    end
    $$;

revoke execute on function aw_feed_by_token(text) from public;
