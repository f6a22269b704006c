package org.agentworkspace.clerk;

import java.security.interfaces.RSAPublicKey;
import java.util.List;

/** Where the RSA public keys that may sign a session token come from. Only configuration decides. */
public interface SessionKeys {

    /**
     * The keys to try for a token whose header names {@code keyId}.
     *
     * @param keyId the token's {@code kid}, or {@code null} when it has none
     * @return the candidate keys; empty when no configured key fits, which refuses the token
     * @throws org.agentworkspace.core.domain.Unavailable when the key source cannot be reached and
     *     no keys are known yet
     */
    List<RSAPublicKey> candidates(String keyId);
}
