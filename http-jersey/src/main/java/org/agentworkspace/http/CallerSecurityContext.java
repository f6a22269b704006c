package org.agentworkspace.http;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of an authenticated request: our principal, no roles (ownership decides, not roles). */
final class CallerSecurityContext implements SecurityContext {
    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
