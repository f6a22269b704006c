package org.agentworkspace.core.ownership;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.Scope;

/**
 * An agent proven by one of its API keys. Only {@link Ownership} creates one, from a digest lookup
 * of a key that was live at that instant, so holding a principal means the chain's "authenticate"
 * step ran. It carries the key's id and scopes; which routes those allow is decided by
 * {@link Ownership#scopeFor(AgentPrincipal, Scope)}, never by the caller.
 */
public final class AgentPrincipal {
    private final AgentId agentId;
    private final AgentStatus status;
    private final ApiKeyId keyId;
    private final String keyLabel;
    private final Set<Scope> scopes;
    private final Instant keyExpiresAt;
    private final KeyDigest presentedKey;
    private final Instant presentedAt;

    AgentPrincipal(AgentCredential credential, KeyDigest presentedKey, Instant presentedAt) {
        this.agentId = credential.agentId();
        this.status = credential.status();
        this.keyId = credential.keyId();
        this.keyLabel = credential.label();
        this.scopes = credential.scopes();
        this.keyExpiresAt = credential.expiresAt();
        this.presentedKey = presentedKey;
        this.presentedAt = presentedAt;
    }

    public AgentId agentId() {
        return agentId;
    }

    /** The status when the key was checked, i.e. at the start of this request. */
    public AgentStatus status() {
        return status;
    }

    /** The calling key. */
    public ApiKeyId keyId() {
        return keyId;
    }

    /** The calling key's label; {@code null} when it has none. */
    public String keyLabel() {
        return keyLabel;
    }

    /** The scopes the calling key holds (as granted, without the reads a write implies). */
    public Set<Scope> scopes() {
        return scopes;
    }

    /** When the calling key expires; {@code null} when it does not. */
    public Instant keyExpiresAt() {
        return keyExpiresAt;
    }

    /**
     * The digest of the key this request presented, which the database checks again when a scope
     * of this principal opens a transaction; {@code null} for a principal minted without one.
     */
    KeyDigest presentedKey() {
        return presentedKey;
    }

    /** When the key was presented (the use cases' clock): the instant its validity is judged at. */
    Instant presentedAt() {
        return presentedAt;
    }

    /** Whether the calling key may use a route that needs {@code scope}. */
    public boolean holds(Scope scope) {
        return Objects.requireNonNull(scope, "scope").grantedBy(scopes);
    }

    @Override
    public String toString() {
        return "agent:" + agentId;
    }
}
