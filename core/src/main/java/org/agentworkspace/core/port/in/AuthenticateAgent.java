package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.AgentPrincipal;

/** Step one of the chain for agents: an API key becomes a principal. */
public interface AuthenticateAgent {

    /**
     * Refuses a key of the wrong shape or checksum before any lookup, then looks its digest up.
     *
     * @param presentedKey the bearer value as sent, possibly {@code null} or garbage
     * @throws org.agentworkspace.core.domain.Unauthenticated for every kind of bad key alike
     */
    AgentPrincipal authenticate(String presentedKey);
}
