package org.agentworkspace.persistence;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentCredential;

/**
 * Digest → credential, as {@code aw_agent_by_key_digest} last answered it on this instance: the
 * hint that spares an agent request its lookup round trip. Never the last word: the scope minted
 * from it carries the digest, and {@code aw_enter_agent_scope} (V19) checks the key again in the
 * request's first message. Only credentials of active agents are kept, so a hint can let through
 * at most what the database then refuses, never refuse what it would allow; a refusal forgets
 * the digest, and a change to keys or agents committed through this instance forgets them all
 * (so even a request that never reaches the database, an MCP handshake, sees it here at once).
 * Bounded: when full, it starts over (a miss costs one lookup).
 */
final class KeyHints {
    static final int CAPACITY = 4096;

    private final ConcurrentHashMap<KeyDigest, AgentCredential> byDigest = new ConcurrentHashMap<>();

    Optional<AgentCredential> get(KeyDigest digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    /** Keeps what the database just answered for {@code digest}; forgets the digest when it found nothing usable. */
    void remember(KeyDigest digest, Optional<AgentCredential> found) {
        if (found.isEmpty() || found.get().status() != AgentStatus.ACTIVE) {
            byDigest.remove(digest);
            return;
        }
        if (byDigest.size() >= CAPACITY) {
            byDigest.clear();
        }
        byDigest.put(digest, found.get());
    }

    void forget(KeyDigest digest) {
        byDigest.remove(digest);
    }

    /** Forgets every hint: this instance just committed a change to keys or agents. */
    void clear() {
        byDigest.clear();
    }
}
