package org.agentworkspace.core.ownership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.domain.Unauthenticated;
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

    /**
     * An agent whose key digest was found, if that key is still live at {@code now}: not expired,
     * and not a previous secret whose rotation grace has run out. {@code now} comes from the one
     * clock of the use cases, so every instance draws the line at the same instant.
     *
     * @throws Unauthenticated for a lapsed key, exactly like an unknown one
     */
    public AgentPrincipal agentPrincipal(AgentCredential credential, Instant now) {
        Objects.requireNonNull(credential, "credential");
        if (credential.lapsedAt(Objects.requireNonNull(now, "now"))) {
            throw new Unauthenticated();
        }
        return new AgentPrincipal(credential, null, null);
    }

    /**
     * Like {@link #agentPrincipal(AgentCredential, Instant)}, for the key whose digest is
     * {@code presented}: the scopes minted from this principal carry that digest and {@code now},
     * so the database verifies the key again in every transaction they open (the credential may
     * come from an in-process hint, not from the database).
     *
     * @throws Unauthenticated for a lapsed key, exactly like an unknown one
     */
    public AgentPrincipal agentPrincipal(AgentCredential credential, KeyDigest presented, Instant now) {
        Objects.requireNonNull(credential, "credential");
        if (credential.lapsedAt(Objects.requireNonNull(now, "now"))) {
            throw new Unauthenticated();
        }
        return new AgentPrincipal(credential, Objects.requireNonNull(presented, "presented"), now);
    }

    /** A user whose session was verified and who is not tombstoned. */
    public UserPrincipal userPrincipal(UserId verifiedUser) {
        return new UserPrincipal(verifiedUser);
    }

    /**
     * An agent acting on its own data through a route that needs {@code needed}: the one place
     * where the agent's status and the key's scopes are checked together. A read scope is granted
     * by its write scope too ({@link Scope#grantedBy}).
     *
     * @throws AgentSuspended when the agent is suspended (any route)
     * @throws ScopeMissing when the calling key lacks {@code needed}
     * @throws AgentNotWritable when the agent is read-only and {@code needed} writes
     */
    public AgentScope scopeFor(AgentPrincipal agent, Scope needed) {
        Objects.requireNonNull(needed, "needed");
        return scopeForAny(agent, needed);
    }

    /**
     * An agent acting through a route open to any of several scopes (the change feed: events or
     * documents); the use case then asks {@link AgentScope#permits} what to include. The access is
     * a read as soon as one of the matching scopes is a read, so a read-only agent keeps its reads.
     *
     * @throws AgentSuspended when the agent is suspended
     * @throws ScopeMissing naming the first of {@code anyOf} when the key holds none of them
     * @throws AgentNotWritable when the agent is read-only and every matching scope writes
     */
    public AgentScope scopeForAny(AgentPrincipal agent, Scope first, Scope... more) {
        if (agent.status() == AgentStatus.SUSPENDED) {
            throw new AgentSuspended();
        }
        boolean held = false;
        boolean readsOnly = false;
        for (Scope scope : asList(first, more)) {
            if (agent.holds(scope)) {
                held = true;
                readsOnly |= !scope.writes();
            }
        }
        if (!held) {
            throw new ScopeMissing(first);
        }
        Access access = readsOnly ? Access.READ : Access.WRITE;
        if (access == Access.WRITE && agent.status() == AgentStatus.READ_ONLY) {
            throw new AgentNotWritable();
        }
        return new AgentScope(agent.agentId(), access, agent.toString(), agent.scopes(), agent.presentedKey(),
                agent.presentedAt());
    }

    /**
     * An agent reading what any key may read about itself ({@code /api/v1/me}): no scope needed,
     * but a suspended agent is still refused.
     *
     * @throws AgentSuspended when the agent is suspended
     */
    public AgentScope scopeForAnyKey(AgentPrincipal agent) {
        if (agent.status() == AgentStatus.SUSPENDED) {
            throw new AgentSuspended();
        }
        return new AgentScope(agent.agentId(), Access.READ, agent.toString(), agent.scopes(), agent.presentedKey(),
                agent.presentedAt());
    }

    /**
     * An agent reading through a scope that also covers writes: {@code webhooks:manage} guards both
     * listing and changing webhooks, and listing is a read, which a {@code read_only} agent keeps.
     *
     * @throws AgentSuspended when the agent is suspended
     * @throws ScopeMissing when the calling key lacks {@code needed}
     */
    public AgentScope scopeToRead(AgentPrincipal agent, Scope needed) {
        Objects.requireNonNull(needed, "needed");
        if (agent.status() == AgentStatus.SUSPENDED) {
            throw new AgentSuspended();
        }
        if (!agent.holds(needed)) {
            throw new ScopeMissing(needed);
        }
        return scopeForAnyKey(agent);
    }

    /**
     * The bookkeeping of a key that was found but refused (an expired key): enough to write the
     * agent's audit entry about it, and nothing else — it permits no scope.
     */
    public AgentScope scopeForRefusedKey(AgentCredential credential) {
        return new AgentScope(credential.agentId(), Access.WRITE, "key:" + credential.keyId(), Set.of(), null, null);
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
        return new AgentScope(agent.id(), access, user.toString(), Scope.all(), null, null);
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
        return new AgentScope(credential.agentId(), Access.READ, "feed:" + credential.subscriptionId(),
                Set.of(Scope.EVENTS_READ), null, null);
    }

    private static List<Scope> asList(Scope first, Scope... more) {
        List<Scope> all = new ArrayList<>(1 + more.length);
        all.add(Objects.requireNonNull(first, "first"));
        for (Scope scope : more) {
            all.add(Objects.requireNonNull(scope, "scope"));
        }
        return all;
    }
}
