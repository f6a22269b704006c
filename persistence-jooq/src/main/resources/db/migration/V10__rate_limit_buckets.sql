-- Rate-limit buckets (issue 7), shared by every instance so a limit holds across the fleet.
-- Layout required by Bucket4j's PostgreSQL proxy manager (select-for-update variant): the
-- bucket key, its serialized state, and the instant (epoch millis) after which a bucket that
-- has refilled completely may be deleted. Keys never hold a secret: they are "key:<agent id>",
-- "user:<user id>", "feed:<SHA-256 of the token>" or "auth:<client address>".
create table rate_limit_buckets (
    id          text primary key check (length(id) between 1 and 512),
    state       bytea,
    expires_at  bigint
);
create index rate_limit_buckets_expires_idx on rate_limit_buckets (expires_at);
