-- The change log behind GET /api/v1/changes (issue 19): one row per event or document that an
-- agent ever had, holding the position of its latest change. Database triggers write it in the
-- same transaction as the write (DESIGN.md: changes are facts of the write's own transaction), so
-- every statement that touches events or documents, including the series-exception writes that
-- bump a series' row and the use cases not written yet, is recorded and nothing rolled back is.
--
-- Order. A position is (txid, seq): the writing transaction's 64-bit id, then a sequence number.
-- A reader only hands out rows whose txid lies below the visibility horizon
-- pg_snapshot_xmin(pg_current_snapshot()): every transaction below it has ended, and every
-- transaction still running, or starting later, has a txid at or above it, so anything committed
-- after a page was read lands at a later position than the page's end and is never skipped. (A
-- plain sequence is not enough: two writers take numbers 5 and 6, 6 commits first, a reader
-- moves past 6, and 5 becomes visible behind its back.) The price: one long transaction anywhere
-- in the database holds back what the log hands out (nothing is lost, it arrives late).
--
-- One row per object, so an object appears at most once in any page, with its latest state;
-- a deleted object keeps its row as a tombstone (deleted = true) until it is purged, at least
-- 30 days after the deletion (docs/operations.md).
create sequence change_seq;

create table changes (
    object_type  text not null check (object_type in ('event', 'document')),
    object_id    uuid not null,
    agent_id     uuid not null references agents (id) on delete cascade,
    deleted      boolean not null,
    txid         xid8 not null,
    seq          bigint not null,
    at           timestamptz not null,
    primary key (object_type, object_id)
);
create index changes_agent_position_idx on changes (agent_id, txid, seq);
create index changes_tombstones_idx on changes (at) where deleted;

-- Every object that exists when the log starts gets a position, so a full sync finds it.
insert into changes (object_type, object_id, agent_id, deleted, txid, seq, at)
select 'event', e.id, e.agent_id, false, pg_current_xact_id(), nextval('change_seq'), e.updated_at from events e;
insert into changes (object_type, object_id, agent_id, deleted, txid, seq, at)
select 'document', d.id, d.agent_id, false, pg_current_xact_id(), nextval('change_seq'), d.updated_at from documents d;

-- Statement-level with transition tables (like V11): the triggers of an insert, an update and a
-- delete all name their rows "changed_rows", so one function serves them; its argument names the
-- object type. A deletion that cascades from deleting the agent (or its owner) records nothing:
-- the agent row is already gone by then, nobody is left to read the tombstone, and the foreign
-- key would refuse the row. The order by keeps concurrent statements locking log rows in one
-- order (no deadlock between two writers of the same objects).
create function aw_log_changes() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
    as $$
    begin
        insert into public.changes as c (object_type, object_id, agent_id, deleted, txid, seq, at)
        select tg_argv[0], w.id, w.agent_id, tg_op = 'DELETE', pg_catalog.pg_current_xact_id(),
               pg_catalog.nextval('public.change_seq'), pg_catalog.statement_timestamp()
          from changed_rows w
         where exists (select 1 from public.agents a where a.id = w.agent_id)
         order by w.id
        on conflict (object_type, object_id) do update
            set deleted = excluded.deleted, txid = excluded.txid, seq = excluded.seq, at = excluded.at,
                agent_id = excluded.agent_id;
        return null;
    end
    $$;

create trigger events_inserted_log_change after insert on events
    referencing new table as changed_rows for each statement execute function aw_log_changes('event');
create trigger events_updated_log_change after update on events
    referencing new table as changed_rows for each statement execute function aw_log_changes('event');
create trigger events_deleted_log_change after delete on events
    referencing old table as changed_rows for each statement execute function aw_log_changes('event');
create trigger documents_inserted_log_change after insert on documents
    referencing new table as changed_rows for each statement execute function aw_log_changes('document');
create trigger documents_updated_log_change after update on documents
    referencing new table as changed_rows for each statement execute function aw_log_changes('document');
create trigger documents_deleted_log_change after delete on documents
    referencing old table as changed_rows for each statement execute function aw_log_changes('document');

alter table changes enable row level security;
alter table changes force row level security;
create policy changes_scope on changes
    using (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())))
    with check (agent_id = (select aw_scope_agent())
           or agent_id in (select a.id from agents a where a.owner_id = (select aw_scope_user())));
create policy changes_definer on changes
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

-- Purges tombstones deleted before p_before, at most p_limit of them; answers how many. Rows are
-- claimed with "for update skip locked", so several instances purging at once share the work
-- instead of waiting on each other; a deletion is idempotent anyway.
create function aw_purge_tombstones(p_before timestamptz, p_limit integer)
    returns integer
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        purged integer;
    begin
        perform set_config('aw.definer', 'on', true);
        delete from public.changes c
         using (select t.object_type, t.object_id from public.changes t
                 where t.deleted and t.at < p_before
                 limit p_limit for update skip locked) old
         where c.object_type = old.object_type and c.object_id = old.object_id;
        get diagnostics purged = row_count;
        perform set_config('aw.definer', '', true);
        return purged;
    end
    $$;

-- The key that seals sync cursors, shared by every instance. The first instance to start stores
-- the candidate it drew (a CSPRNG in the JVM); everyone else reads that one back.
create table server_secrets (
    name   text primary key check (length(name) between 1 and 64),
    value  bytea not null check (length(value) between 16 and 64)
);
alter table server_secrets enable row level security;
alter table server_secrets force row level security;
create policy server_secrets_definer on server_secrets
    using ((select aw_definer_context())) with check ((select aw_definer_context()));

create function aw_server_secret(p_name text, p_candidate bytea)
    returns bytea
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        stored bytea;
    begin
        perform set_config('aw.definer', 'on', true);
        insert into public.server_secrets (name, value) values (p_name, p_candidate) on conflict (name) do nothing;
        select s.value into stored from public.server_secrets s where s.name = p_name;
        perform set_config('aw.definer', '', true);
        return stored;
    end
    $$;

revoke execute on function aw_purge_tombstones(timestamptz, integer) from public;
revoke execute on function aw_server_secret(text, bytea) from public;
