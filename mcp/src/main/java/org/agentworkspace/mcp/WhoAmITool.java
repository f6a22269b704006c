package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetAgentProfile;

/** {@code whoami}: {@code GET /api/v1/me}, plus the current time in the agent's zone. */
final class WhoAmITool extends WorkspaceTool {
    private final GetAgentProfile getAgentProfile;

    WhoAmITool(GetAgentProfile getAgentProfile) {
        // /api/v1/me works with any key (API.md, "Keys and scopes"): no scope.
        super("whoami", "Who am I", Effect.READS, List.of(),
                "The agent this key belongs to (id, name, description, IANA time zone), the calling key (its "
                        + "scopes), and the current time in the agent's zone as an ISO 8601 instant with offset "
                        + "(\"now\"). Call it first to learn today's date and the zone to write times in.",
                Schema.object(), Outputs.whoami());
        this.getAgentProfile = getAgentProfile;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments arguments) {
        Agent me = getAgentProfile.me(agent);
        ObjectNode body = McpJson.envelope("agent", McpJson.agentProfile(me));
        body.set("key", callingKey(agent));
        body.put("now", OffsetDateTime.now(me.timezone()).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return ToolOutput.of(body);
    }

    /** The calling key as {@code /api/v1/me} shows it: {@code {id, label, scopes, expiresAt}}. */
    private static ObjectNode callingKey(AgentPrincipal agent) {
        ObjectNode key = McpJson.object();
        key.put("id", agent.keyId().toString());
        key.put("label", agent.keyLabel());
        ArrayNode scopes = key.putArray("scopes");
        // The contract's order, whatever order they were granted in.
        for (Scope scope : Scope.values()) {
            if (agent.scopes().contains(scope)) {
                scopes.add(scope.wireName());
            }
        }
        key.put("expiresAt", McpJson.instant(agent.keyExpiresAt()));
        return key;
    }
}
