package org.agentworkspace.http;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/**
 * Who is calling, as the authentication filter proved it, carried in the request's
 * {@link SecurityContext}. Resources ask for the kind they serve and fail closed when it is missing.
 */
sealed interface Caller extends Principal {

    record Agent(AgentPrincipal principal) implements Caller {
        @Override
        public String getName() {
            return principal.toString();
        }
    }

    record User(UserPrincipal principal) implements Caller {
        @Override
        public String getName() {
            return principal.toString();
        }
    }

    /** @throws Unauthenticated when the request was not authenticated as an agent */
    static AgentPrincipal agent(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Agent agent) {
            return agent.principal();
        }
        throw new Unauthenticated();
    }

    /** @throws Unauthenticated when the request was not authenticated as a user */
    static UserPrincipal user(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof User user) {
            return user.principal();
        }
        throw new Unauthenticated();
    }
}
