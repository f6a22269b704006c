package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CancelOccurrence;
import org.agentworkspace.core.port.in.EndSeries;

/**
 * {@code cancel_occurrence}: {@code DELETE /api/v1/events/{id}/occurrences/{originalStart}}, "this
 * occurrence", or with {@code following=true} "this and following" (the series ends before it).
 */
final class CancelOccurrenceTool extends WriteTool {
    private final CancelOccurrence cancelOccurrence;
    private final EndSeries endSeries;

    CancelOccurrenceTool(CancelOccurrence cancelOccurrence, EndSeries endSeries, Writes writes) {
        super("cancel_occurrence", "Cancel an occurrence", Effect.DELETES, Scope.EVENTS_WRITE,
                "Cancels one occurrence of a recurring series, named by id and original_start: it disappears "
                        + "from lists, free/busy and the calendar feed. With following=true, this and every later "
                        + "occurrence: the series ends before it (from its first occurrence on, the whole series "
                        + "is deleted). Answers {\"deleted\": true}. if_match takes the series' etag (get_event).",
                EventFields.occurrence(Schema.object()).required("id", "original_start"), true,
                Outputs.deleted(), writes);
        this.cancelOccurrence = cancelOccurrence;
        this.endSeries = endSeries;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        OptionalLong expected = Writes.expectedVersion(a);
        if (a.bool("following").orElse(false)) {
            endSeries.endBefore(agent, a.required("id"), a.required("original_start"), expected);
        } else {
            cancelOccurrence.cancel(agent, a.required("id"), a.required("original_start"), expected);
        }
        return McpJson.deleted();
    }
}
