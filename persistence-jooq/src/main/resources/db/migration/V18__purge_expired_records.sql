-- Expired idempotency records and old webhook delivery ids were kept forever (issue 15). A
-- periodic job of every instance calls this function; it deletes one bounded batch of each per
-- call, so no call holds locks or a transaction for long, and the caller repeats while a batch
-- comes back full.
--
-- Several instances run the job: the transaction-scoped advisory lock lets one purge at a time and
-- the others return at once (nothing to do is not an error); the lock ends with the transaction,
-- also when its process dies.
--
-- Idempotency records belong to agents, and their policy admits a scope only: these two
-- policies admit the definer context (set only inside functions owned by the schema owner) to
-- read and delete them, nothing else.
-- Old delivery ids are found by age; expired idempotency records have their index since V1.
create index processed_webhooks_processed_at_idx on processed_webhooks (processed_at);

create policy idempotency_records_purge_read on idempotency_records for select
    using ((select aw_definer_context()));
create policy idempotency_records_purge on idempotency_records for delete
    using ((select aw_definer_context()));

create function aw_purge_expired(p_now timestamptz, p_webhooks_before timestamptz, p_batch integer)
    returns table (idempotency_records integer, processed_webhooks integer)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
    declare
        records integer := 0;
        webhooks integer := 0;
    begin
        if not pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtextextended('aw_purge_expired', 0)) then
            return query select 0, 0;
            return;
        end if;
        perform set_config('aw.definer', 'on', true);
        delete from public.idempotency_records r
         where r.ctid = any (array(select e.ctid from public.idempotency_records e
                                    where e.expires_at <= p_now limit p_batch));
        get diagnostics records = row_count;
        delete from public.processed_webhooks w
         where w.ctid = any (array(select e.ctid from public.processed_webhooks e
                                    where e.processed_at < p_webhooks_before limit p_batch));
        get diagnostics webhooks = row_count;
        perform set_config('aw.definer', '', true);
        return query select records, webhooks;
    end
    $$;

revoke execute on function aw_purge_expired(timestamptz, timestamptz, integer) from public;
