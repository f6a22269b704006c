package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface RegenerateApiKey {

    /** A new key, shown once; the old key fails from the commit of this call. */
    ApiKey regenerate(UserPrincipal user, String agentId);
}
