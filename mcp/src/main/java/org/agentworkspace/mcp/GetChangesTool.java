package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.ListChanges;

/** {@code get_changes}: {@code GET /api/v1/changes}. */
final class GetChangesTool extends WorkspaceTool {
    private final ListChanges listChanges;

    GetChangesTool(ListChanges listChanges) {
        // Open to either read scope; a key with one sees only that type (API.md, "Changes (sync)").
        super("get_changes", "Get changes", Effect.READS, List.of(Scope.EVENTS_READ, Scope.DOCS_READ),
                "What changed in the agent's events and documents, to keep a copy in sync. Without cursor a full "
                        + "sync starts: every live event and document as an \"upserted\" change. Then pass the "
                        + "nextCursor you got to receive only what changed after; call again at once while hasMore "
                        + "is true. Changes come in commit order, each object at most once per page in its latest "
                        + "state (documents without content; \"deleted\" changes carry only the id). An old or "
                        + "unknown cursor is refused: start again without one.",
                Schema.object()
                        .string("cursor", "The nextCursor of the previous page; leave it out to start a full sync.")
                        .integer("limit", EventFields.LIMIT, 1, 500),
                Outputs.changesPage());
        this.listChanges = listChanges;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        return ToolOutput.of(McpJson.changesPage(listChanges.list(agent, a.string("cursor").orElse(null),
                a.integerText("limit"))));
    }
}
