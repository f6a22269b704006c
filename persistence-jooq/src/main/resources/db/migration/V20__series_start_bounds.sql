-- Where the occurrences of every event can start (issue 21): none before first_start, none after
-- last_start, moved ones included. The core computes both at every write (create, update, an
-- override or cancellation, ending or splitting a series) from DTSTART, the rule's UNTIL or
-- COUNT and the overrides' new starts; '-infinity' / 'infinity' mean unbounded on that side (a
-- rule without end, or one the core could not walk). A window read skips every series that
-- cannot reach the window: most series of a calendar have ended, and expanding them found nothing
-- but cost the read. first_start matters because an override may move an occurrence before
-- DTSTART, into a window that ends before the series begins.
alter table events
    add column first_start timestamptz not null default '-infinity',
    add column last_start timestamptz not null default 'infinity';

-- Serves the series half of a window read (JooqEventRepository.candidates): "series of one agent
-- that can still start at or after the window's start and can start before its end". The one-off
-- half keeps using events_agent_start_idx; PostgreSQL ORs the two bitmaps.
create index events_agent_series_bounds_idx on events (agent_id, last_start, first_start)
    where rrule is not null;

-- Backfill what SQL can tell without expanding a rule; every other bound stays infinite, which is
-- always safe (the series is read by every window, as before) and is tightened by its next write.
--   first_start            DTSTART, or an override's earlier new start
--   last_start, UNTIL=…Z   the instant itself: the expander compares a UTC UNTIL as an instant
--   last_start, UNTIL=YYYYMMDD[T…]  a wall-clock time or date in a zone no more than 12 hours
--                          behind UTC: two days after its date is past it, whatever the zone (as
--                          the expander's own bound, BiweeklyRecurrenceExpander.ParsedRule)
-- DTSTART always counts (RFC 5545), and an override may have moved an occurrence later.
--
-- The owner runs migrations but row-level security is forced on these tables, and the triggers
-- would announce every backfilled row as a change (V15) and a webhook (V16) and make every feed
-- look changed (V11) although no event changed for anyone: both are off for this one statement,
-- inside the migration's transaction (ALTER TABLE holds its exclusive lock until the commit, so
-- no other write passes meanwhile).
alter table events no force row level security;
alter table event_exceptions no force row level security;
alter table events disable trigger events_updated_bump_calendar,
                   disable trigger events_updated_log_change,
                   disable trigger events_updated_queue_webhooks;

update events e
   set first_start = least(e.start_at, x.earliest),
       last_start = case when b.until_bound is null then 'infinity'
                         else greatest(e.start_at, b.until_bound, x.latest) end
  from (select s.id, r.until_bound
          from events s
          left join lateral (
              select case when u ~ '^[0-9]{8}T[0-9]{6}Z$'
                          then make_timestamptz(substr(u, 1, 4)::int, substr(u, 5, 2)::int, substr(u, 7, 2)::int,
                                                substr(u, 10, 2)::int, substr(u, 12, 2)::int, substr(u, 14, 2)::int,
                                                'UTC')
                          else make_timestamptz(substr(u, 1, 4)::int, substr(u, 5, 2)::int, substr(u, 7, 2)::int,
                                                0, 0, 0, 'UTC') + interval '2 days'
                     end as until_bound
                from (select substring(s.rrule from '(?:^|;)UNTIL=([0-9]{8}(?:T[0-9]{6}Z?)?)(?:;|$)') as u) p
               where u is not null) r on true
         where s.rrule is not null) b
  left join lateral (select min(o.start_at) as earliest, max(o.start_at) as latest
                       from event_exceptions o
                      where o.event_id = b.id and not o.cancelled) x on true
 where b.id = e.id;

alter table events enable trigger events_updated_bump_calendar,
                   enable trigger events_updated_log_change,
                   enable trigger events_updated_queue_webhooks;
alter table events force row level security;
alter table event_exceptions force row level security;
