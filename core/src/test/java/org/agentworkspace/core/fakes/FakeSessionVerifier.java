package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.SessionVerifier;
import org.agentworkspace.core.port.out.VerifiedSession;

/** Knows the sessions a test issued; every other token is refused like a bad signature. */
public final class FakeSessionVerifier implements SessionVerifier {
    private final Map<String, UserId> sessions = new HashMap<>();

    public String issue(String token, UserId user) {
        sessions.put(token, user);
        return token;
    }

    @Override
    public VerifiedSession verify(String token) {
        UserId user = sessions.get(token);
        if (user == null) {
            throw new Unauthenticated();
        }
        return new VerifiedSession(user, Instant.parse("2100-01-01T00:00:00Z"));
    }
}
