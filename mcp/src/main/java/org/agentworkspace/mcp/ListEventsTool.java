package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.ListEvents;

/** {@code list_events}: {@code GET /api/v1/events}. */
final class ListEventsTool implements WorkspaceTool {
    private final ListEvents listEvents;

    ListEventsTool(ListEvents listEvents) {
        this.listEvents = listEvents;
    }

    @Override
    public String name() {
        return "list_events";
    }

    @Override
    public String title() {
        return "List events";
    }

    @Override
    public String description() {
        return "The agent's events ordered by start, optionally within a window of start times "
                + "(start_after inclusive, start_before exclusive). A recurring series is listed once, by its "
                + "first start, unless expand=true, which lists each occurrence in the window with its own "
                + "start and end (both bounds required then; at most 10,000 occurrences). Page with limit/offset.";
    }

    @Override
    public ObjectNode inputSchema() {
        return Schema.object()
                .string("start_after", "Only events starting at or after this instant: " + EventFields.INSTANT + ".")
                .string("start_before", "Only events starting before this instant, same form.")
                .bool("expand", "true lists the occurrences of recurring series in the window instead of the "
                        + "series; needs start_after and start_before.")
                .integer("limit", "Page size, 1–500; default 100.", 1, 500)
                .integer("offset", "How many to skip, for the next page; default 0.", 0, Integer.MAX_VALUE)
                .build();
    }

    @Override
    public String scope() {
        return "events:read";
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput call(AgentPrincipal agent, Arguments a) {
        EventQuery query = new EventQuery(a.string("start_after").orElse(null), a.string("start_before").orElse(null),
                a.integerText("limit"), a.integerText("offset"), a.bool("expand").map(String::valueOf).orElse(null));
        return ToolOutput.of(McpJson.envelope("events", McpJson.list(listEvents.list(agent, query), McpJson::event)));
    }
}
