package org.agentworkspace.core.builders;

import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.fakes.InMemoryWorkspace;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;

/** Sets a workspace up through its own use cases: users, their agents, and the agents' principals. */
public final class Scenario {
    public final InMemoryWorkspace ws = new InMemoryWorkspace();

    public UserPrincipal user(String id) {
        return ws.useCases.actAsUser().addUser(UserProfile.idOnly(new UserId(id)));
    }

    public NewAgent agentOf(UserPrincipal owner, String name) {
        return ws.useCases.createAgent().create(owner, AgentInputBuilder.anAgent().withName(name).build());
    }

    /** Authenticates with the agent's real key, as the HTTP filter would. */
    public AgentPrincipal principalOf(NewAgent agent) {
        return ws.useCases.authenticateAgent().authenticate(agent.apiKey().reveal());
    }

    public static String id(AgentId id) {
        return id.toString();
    }
}
