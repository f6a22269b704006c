package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.Scope;

/** Draws a new key: its secret from the CSPRNG and the row that describes it. */
final class AgentKeys {
    /** The label of the key every agent starts with and of the one a regeneration issues. */
    static final String DEFAULT_LABEL = "Default key";
    /** How many leading characters of a key are kept to recognise it ({@code ak_} and five more). */
    static final int PREFIX_LENGTH = 8;

    private AgentKeys() {
    }

    static IssuedKey draw(SecureRandom random, AgentId agent, String label, Set<Scope> scopes, Instant expiresAt,
                          Instant now) {
        ApiKey secret = ApiKey.generate(random);
        AgentKey key = new AgentKey(ApiKeyId.random(), agent, label, scopes, prefixOf(secret), expiresAt, now, null);
        return new IssuedKey(key, secret);
    }

    /** Every scope, no expiry: the first key of an agent and the one a regeneration issues. */
    static IssuedKey drawDefault(SecureRandom random, AgentId agent, Instant now) {
        return draw(random, agent, DEFAULT_LABEL, Scope.all(), null, now);
    }

    static String prefixOf(ApiKey secret) {
        return secret.reveal().substring(0, PREFIX_LENGTH);
    }
}
