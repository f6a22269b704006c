package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.ownership.UserPrincipal;

/**
 * {@code POST /api/dashboard/agents/{agentId}/keys/{keyId}/rotate}: a new secret for the same key
 * (id, label, scopes, expiry kept). The secret in use until now works {@code graceSeconds} longer
 * (0–86,400, default 0: it fails from the commit), measured on the server's clock.
 */
public interface RotateApiKey {

    /**
     * @throws org.agentworkspace.core.domain.ValidationFailed when {@code graceSeconds} is out of range
     * @throws org.agentworkspace.core.domain.NotFound for an unknown, revoked or someone else's key
     */
    IssuedKey rotate(UserPrincipal user, String agentId, String keyId, Field<Long> graceSeconds);
}
