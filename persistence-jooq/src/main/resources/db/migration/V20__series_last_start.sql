-- The last possible start of every event (issue 21): no occurrence of it, moved ones included,
-- starts later. The core computes it at every write (create, update, an override or
-- cancellation, ending or splitting a series) from the rule's UNTIL or COUNT and the overrides'
-- new starts; 'infinity' means unbounded (a rule without end, or one the core could not walk).
-- A window read skips every series whose last start lies before the window: most series of a
-- calendar have ended, and expanding them found nothing but cost the read.
alter table events add column last_start timestamptz not null default 'infinity';

-- Serves the series half of a window read (JooqEventRepository.candidatesForExpansion):
-- "series of one agent that can still start at or after the window's start and start before its
-- end". The one-off half keeps using events_agent_start_idx; PostgreSQL ORs the two bitmaps.
create index events_agent_series_last_start_idx on events (agent_id, last_start, start_at)
    where rrule is not null;

-- Backfill what SQL can tell without expanding a rule; every other series stays 'infinity',
-- which is always safe (it is read by every window, as before) and is tightened by its next write.
--   UNTIL=…Z (UTC)         the instant itself: the expander compares a UTC UNTIL as an instant
--   UNTIL=YYYYMMDD[T…]     a wall-clock time or date in a zone no more than 12 hours behind UTC:
--                          two days after its date is past it, whatever the zone (as the expander's
--                          own bound, BiweeklyRecurrenceExpander.ParsedRule)
-- DTSTART always counts (RFC 5545), and an override may have moved an occurrence later.
--
-- The owner runs migrations but row-level security is forced on these tables, and the triggers
-- would announce every backfilled row as a change (V15) and a webhook (V16) although no event
-- changed for anyone: both are off for this one statement, inside the migration's transaction
-- (ALTER TABLE holds its exclusive lock until the commit, so no other write passes meanwhile).
alter table events no force row level security;
alter table event_exceptions no force row level security;
alter table events disable trigger events_updated_bump_calendar,
                   disable trigger events_updated_log_change,
                   disable trigger events_updated_queue_webhooks;

update events e
   set last_start = greatest(e.start_at, b.until_bound,
                             (select max(x.start_at) from event_exceptions x
                               where x.event_id = e.id and x.agent_id = e.agent_id and not x.cancelled))
  from (select id,
               case when u ~ '^[0-9]{8}T[0-9]{6}Z$'
                    then make_timestamptz(substr(u, 1, 4)::int, substr(u, 5, 2)::int, substr(u, 7, 2)::int,
                                          substr(u, 10, 2)::int, substr(u, 12, 2)::int, substr(u, 14, 2)::int, 'UTC')
                    else make_timestamptz(substr(u, 1, 4)::int, substr(u, 5, 2)::int, substr(u, 7, 2)::int,
                                          0, 0, 0, 'UTC') + interval '2 days'
               end as until_bound
          from (select id, substring(rrule from '(?:^|;)UNTIL=([0-9]{8}(?:T[0-9]{6}Z?)?)(?:;|$)') as u
                  from events where rrule is not null) r
         where u is not null) b
 where b.id = e.id;

alter table events enable trigger events_updated_bump_calendar,
                   enable trigger events_updated_log_change,
                   enable trigger events_updated_queue_webhooks;
alter table events force row level security;
alter table event_exceptions force row level security;
