package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.UserPrincipal;

/** {@code DELETE /api/dashboard/agents/{agentId}/keys/{keyId}}: the key (both its secrets) fails from the commit. */
public interface RevokeApiKey {

    /** @throws org.agentworkspace.core.domain.NotFound for an unknown, revoked or someone else's key */
    void revoke(UserPrincipal user, String agentId, String keyId);
}
