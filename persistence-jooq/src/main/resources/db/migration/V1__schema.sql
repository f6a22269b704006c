-- The whole schema of AgentWorkspace. Everything a user owns hangs off users.id through
-- "on delete cascade", so deleting a user (Clerk's user.deleted) removes every row they own.

create table users (
    id          text primary key check (length(id) between 1 and 255),
    email       text check (length(email) <= 320),
    first_name  text check (length(first_name) <= 200),
    last_name   text check (length(last_name) <= 200),
    image_url   text check (length(image_url) <= 2000),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- A deleted user's id stays here so a still-valid session cannot provision it again.
create table user_tombstones (
    id          text primary key,
    deleted_at  timestamptz not null
);

create table agents (
    id           uuid primary key,
    owner_id     text not null references users (id) on delete cascade,
    name         text not null check (length(name) between 1 and 200),
    description  text check (length(description) <= 2000),
    timezone     text not null check (length(timezone) between 1 and 64),
    status       text not null check (status in ('active', 'read_only', 'suspended')),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index agents_owner_idx on agents (owner_id, created_at, id);

create table calendars (
    id          uuid primary key,
    agent_id    uuid not null unique references agents (id) on delete cascade,
    created_at  timestamptz not null
);

-- agent_id is denormalised from the calendar on purpose: the scope predicate (and row-level
-- security) is then one indexed column on every owned table.
create table events (
    id           uuid primary key,
    calendar_id  uuid not null references calendars (id) on delete cascade,
    agent_id     uuid not null references agents (id) on delete cascade,
    title        text not null check (length(title) between 1 and 500),
    start_at     timestamptz not null,
    end_at       timestamptz not null,
    all_day      boolean not null,
    description  text check (length(description) <= 5000),
    location     text check (length(location) <= 500),
    rrule        text check (length(rrule) <= 1000),
    timezone     text check (length(timezone) <= 64),
    color        text check (color ~ '^#[0-9a-fA-F]{6}$'),
    version      bigint not null check (version >= 1),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    check (end_at >= start_at)
);
-- Serves "events of one calendar ordered by start within a window".
create index events_agent_start_idx on events (agent_id, start_at, id);
-- Serves expansion, which reads every recurring series of the agent that starts before a bound.
create index events_agent_series_idx on events (agent_id, start_at) where rrule is not null;

create table documents (
    id          uuid primary key,
    agent_id    uuid not null references agents (id) on delete cascade,
    title       text not null check (length(title) between 1 and 500),
    type        text not null check (type in ('markdown', 'sheet', 'slide')),
    content     text not null check (char_length(content) <= 100000),
    version     bigint not null check (version >= 1),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index documents_agent_idx on documents (agent_id, created_at desc, id desc);

-- Tokens are stored in clear because the owner must be shown the feed URL again; they are
-- compared by indexed equality, never scanned, and never logged.
create table subscriptions (
    id               uuid primary key,
    agent_id         uuid not null references agents (id) on delete cascade,
    token            text not null unique check (length(token) = 32),
    label            text check (length(label) <= 200),
    email            text check (length(email) <= 254),
    detail           text not null check (detail in ('full', 'busy')),
    created_at       timestamptz not null,
    last_fetched_at  timestamptz,
    last_fetched_by  text check (length(last_fetched_by) <= 200)
);
create index subscriptions_agent_idx on subscriptions (agent_id, created_at, id);

-- Only SHA-256 digests of API keys are stored; one key per agent, so two concurrent
-- regenerations cannot leave two live keys behind.
create table api_keys (
    id          uuid primary key,
    agent_id    uuid not null unique references agents (id) on delete cascade,
    digest      bytea not null unique check (length(digest) = 32),
    created_at  timestamptz not null
);

create table audit_entries (
    id        uuid primary key,
    agent_id  uuid not null references agents (id) on delete cascade,
    action    text not null check (length(action) <= 64),
    actor     text not null check (length(actor) <= 300),
    detail    text check (length(detail) <= 1000),
    at        timestamptz not null
);
create index audit_entries_agent_idx on audit_entries (agent_id, at desc, id desc);

create table idempotency_records (
    agent_id     uuid not null references agents (id) on delete cascade,
    key          text not null check (length(key) between 1 and 255),
    fingerprint  text not null,
    status       integer not null check (status between 100 and 599),
    headers      text not null,
    body         text not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (agent_id, key)
);
create index idempotency_records_expiry_idx on idempotency_records (expires_at);

create table processed_webhooks (
    delivery_id   text primary key check (length(delivery_id) between 1 and 255),
    processed_at  timestamptz not null
);
