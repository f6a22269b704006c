package org.agentworkspace.mcp;

/** What {@code initialize} tells a model about the workspace and about using its tools well. */
final class Instructions {
    static final String TEXT = String.join("\n",
            "AgentWorkspace is your own calendar and document store. The API key you connected with unlocks "
                    + "exactly one agent (you) and nothing else: every id you see is yours, and an id you "
                    + "cannot see simply does not exist for you (\"not found\").",
            "",
            "- Start with whoami: it names you and gives your IANA time zone and the current time there.",
            "- Times are ISO 8601 instants with an offset, e.g. 2026-01-15T09:00:00+01:00 or "
                    + "2026-01-15T08:00:00Z; results are always in UTC (…Z). All-day events use dates "
                    + "(YYYY-MM-DD) and an exclusive end (one day on 2026-03-02 ends 2026-03-03).",
            "- Find events with list_events and a window (start_after inclusive, start_before exclusive); "
                    + "expand=true lists each occurrence of recurring series. A series is an event with an "
                    + "RFC 5545 rrule such as FREQ=WEEKLY;BYDAY=MO,WE and, ideally, a timezone.",
            "- To change or cancel one occurrence of a series (or it and all later ones, following=true), "
                    + "use update_occurrence / cancel_occurrence with the series id and the occurrence's "
                    + "originalStart (list_occurrences shows it); update_event and delete_event act on the whole "
                    + "series.",
            "- To find time for something, call find_free_slots (duration_minutes, and day_start/day_end such "
                    + "as 09:00/17:00 in your zone) instead of computing gaps from get_free_busy yourself.",
            "- To keep a copy in sync, call get_changes without a cursor once, then with the nextCursor it "
                    + "returned.",
            "- Every write accepts idempotency_key: make one per intended change (a UUID) and send the same "
                    + "key again when you retry after a timeout or error, so nothing happens twice.",
            "- get/create/update results carry an etag. Pass it as if_match to update_* and delete_* so you "
                    + "never overwrite a change you have not seen; if refused, read the item again and retry.",
            "- update_* changes only the fields you send; null clears an optional field.",
            "- A failed call returns isError with the API's JSON error body: {\"error\": …} and, for "
                    + "invalid input, \"issues\": [{\"path\", \"message\"}]. Fix the named fields and call again.",
            "- Documents are markdown (default), sheet (a JSON array of row objects in the content string) "
                    + "or slide (markdown, slides separated by a line ---).");

    private Instructions() {
    }
}
