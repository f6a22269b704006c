-- Exceptions of recurring series (API.md, "Recurring series: occurrences and exceptions"): one
-- row per occurrence that is cancelled or overridden, keyed by the series and the occurrence's
-- original start (the instant the unmodified rule places it at; an all-day series' date as its
-- UTC midnight). An override stores only the fields it was given: a null column follows the
-- series. agent_id is denormalised like every owned table's, so the scope predicate and
-- row-level security are one indexed column; it must be the series' own agent (the composite
-- foreign key below), so no row can hang an exception of one agent on another agent's series.
create unique index events_id_agent_idx on events (id, agent_id);

create table event_exceptions (
    event_id       uuid not null,
    agent_id       uuid not null references agents (id) on delete cascade,
    original_start timestamptz not null,
    cancelled      boolean not null,
    title          text check (length(title) between 1 and 500),
    start_at       timestamptz,
    end_at         timestamptz,
    description    text check (length(description) <= 5000),
    location       text check (length(location) <= 500),
    color          text check (color ~ '^#[0-9a-fA-F]{6}$'),
    primary key (event_id, original_start),
    foreign key (event_id, agent_id) references events (id, agent_id) on delete cascade,
    -- A cancellation carries no fields; an override carries at least one.
    check (not cancelled or (title is null and start_at is null and end_at is null and description is null
                             and location is null and color is null)),
    check (cancelled or coalesce(title, description, location, color) is not null
           or start_at is not null or end_at is not null)
);
-- Serves "the exceptions of these series of one agent" (listings, the feed).
create index event_exceptions_agent_idx on event_exceptions (agent_id, event_id, original_start);

alter table event_exceptions enable row level security;
alter table event_exceptions force row level security;
create policy event_exceptions_scope on event_exceptions
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));
