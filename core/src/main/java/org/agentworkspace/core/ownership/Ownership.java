package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.UserId;

/**
 * The one place that decides "may this caller act on agent X" and the only class that mints
 * principals and scopes. Use cases call it between "look up" and "execute"; adapters never do.
 *
 * <p>It is stateless; the lookups that feed it (digest → agent, token → subscription, user → owned
 * agent) are done by the use cases through their ports, each already constrained by its query.
 * The checks here are the second, independent word on the same question.
 */
public final class Ownership {

    /** An agent whose key digest was found. */
    public AgentPrincipal agentPrincipal(AgentCredential credential) {
        Objects.requireNonNull(credential, "credential");
        return new AgentPrincipal(credential.agentId(), credential.status());
    }

    /** A user whose session was verified and who is not tombstoned. */
    public UserPrincipal userPrincipal(UserId verifiedUser) {
        return new UserPrincipal(verifiedUser);
    }

    /**
     * An agent acting on its own data.
     *
     * @throws AgentSuspended when the agent is suspended (any access)
     * @throws AgentNotWritable when the agent is read-only and {@code access} is a write
     */
    public AgentScope scopeFor(AgentPrincipal agent, Access access) {
        if (agent.status() == AgentStatus.SUSPENDED) {
            throw new AgentSuspended();
        }
        if (access == Access.WRITE && agent.status() == AgentStatus.READ_ONLY) {
            throw new AgentNotWritable();
        }
        return new AgentScope(agent.agentId(), access, agent.toString());
    }

    /** A user acting on the set of agents they own. */
    public OwnerScope scopeFor(UserPrincipal user) {
        return new OwnerScope(user.userId());
    }

    /**
     * A user acting on one agent, after the agent was loaded through the user's {@link OwnerScope}.
     * The status of the agent does not limit its owner.
     *
     * @throws NotFound when the agent is someone else's, exactly as if it did not exist
     */
    public AgentScope scopeFor(UserPrincipal user, Agent agent, Access access) {
        if (!agent.owner().equals(user.userId())) {
            throw new NotFound("Agent");
        }
        return new AgentScope(agent.id(), access, user.toString());
    }

    /**
     * A feed reader holding a token, after the token was looked up for the agent named in the URL.
     * Feeds only ever read.
     *
     * @throws NotFound when the presented token is not the credential's, like any wrong token
     */
    public AgentScope scopeForFeed(FeedCredential credential, FeedToken presented) {
        if (!credential.token().equals(presented)) {
            throw new NotFound("Feed");
        }
        return new AgentScope(credential.agentId(), Access.READ, "feed:" + credential.subscriptionId());
    }
}
