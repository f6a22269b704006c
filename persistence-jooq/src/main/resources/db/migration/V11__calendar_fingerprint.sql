-- The feed's validators (ETag, Last-Modified) are answered from the calendar row instead of
-- counting the calendar's events (a scan of every event of the agent, 5.8 ms for 10,000, on
-- every conditional fetch). Every statement that writes events bumps the revision of each
-- calendar it touched and advances its last change, in the same transaction, by triggers: no
-- write path can forget it.
--
--   events_revision    grows with every statement that inserts, updates or deletes its events
--   events_changed_at  the latest event updated_at written, or the time of a deletion; never
--                      goes back, so Last-Modified moves forward when an event is deleted too
alter table calendars
    add column events_revision bigint not null default 0,
    add column events_changed_at timestamptz;

update calendars c
   set events_revision = s.n, events_changed_at = s.last
  from (select calendar_id, count(*) as n, max(updated_at) as last from events group by calendar_id) s
 where s.calendar_id = c.id;

-- Statement-level with transition tables: deleting an agent cascades to its events in one
-- statement, which then costs one calendar update rather than one per event.
create function aw_events_written() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        update public.calendars c
           set events_revision = c.events_revision + 1,
               events_changed_at = greatest(c.events_changed_at, w.last)
          from (select n.calendar_id, max(n.updated_at) as last from written n group by n.calendar_id) w
         where c.id = w.calendar_id;
        return null;
    end
    $$;

create function aw_events_deleted() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        update public.calendars c
           set events_revision = c.events_revision + 1,
               events_changed_at = greatest(c.events_changed_at, pg_catalog.statement_timestamp())
          from (select distinct o.calendar_id from deleted o) d
         where c.id = d.calendar_id;
        return null;
    end
    $$;

create trigger events_inserted_bump_calendar after insert on events
    referencing new table as written for each statement execute function aw_events_written();
create trigger events_updated_bump_calendar after update on events
    referencing new table as written for each statement execute function aw_events_written();
create trigger events_deleted_bump_calendar after delete on events
    referencing old table as deleted for each statement execute function aw_events_deleted();
