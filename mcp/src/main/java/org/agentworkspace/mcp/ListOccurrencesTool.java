package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.ListOccurrences;

/** {@code list_occurrences}: {@code GET /api/v1/events/{id}/occurrences}. */
final class ListOccurrencesTool extends WorkspaceTool {
    private final ListOccurrences listOccurrences;

    ListOccurrencesTool(ListOccurrences listOccurrences) {
        super("list_occurrences", "List a series' occurrences", Effect.READS, List.of(Scope.EVENTS_READ),
                "The occurrences of one recurring series whose start lies in the window, ordered by start (both "
                        + "bounds required; at most 10,000). Each names itself by originalStart, the name "
                        + "update_occurrence and cancel_occurrence take, and says modified=true when it was "
                        + "changed on its own; cancelled ones are left out. An id that is no series of this agent "
                        + "is \"not found\".",
                EventFields.window(Schema.object().string("id", "The series' id (get_event, list_events)."),
                                "Only occurrences starting")
                        .integer("limit", EventFields.LIMIT, 1, 500)
                        .integer("offset", EventFields.OFFSET, 0, Integer.MAX_VALUE)
                        .required("id", "start_after", "start_before"),
                Outputs.list("occurrences", Outputs.occurrence()));
        this.listOccurrences = listOccurrences;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        EventQuery query = new EventQuery(a.required("start_after"), a.required("start_before"),
                a.integerText("limit"), a.integerText("offset"), null);
        return ToolOutput.of(McpJson.envelope("occurrences",
                McpJson.list(listOccurrences.list(agent, a.required("id"), query), McpJson::occurrence)));
    }
}
