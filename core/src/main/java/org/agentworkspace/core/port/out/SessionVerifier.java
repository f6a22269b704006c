package org.agentworkspace.core.port.out;

import org.agentworkspace.core.domain.Unauthenticated;

/** Verifies a dashboard session token (a Clerk session JWT, or a local-mode one). */
public interface SessionVerifier {

    /**
     * @throws Unauthenticated for any token that is not a valid, current session signed by a
     *     configured key; the exception does not say what was wrong
     * @throws org.agentworkspace.core.domain.Unavailable when the key source cannot be reached
     */
    VerifiedSession verify(String token);
}
