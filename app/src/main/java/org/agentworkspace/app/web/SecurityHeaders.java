package org.agentworkspace.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The headers every page and asset response carries. The policy allows our own origin only;
 * in Clerk mode it adds what Clerk's documented CSP requirements name, and nothing more.
 */
final class SecurityHeaders {
    private static final String CLOUDFLARE_CHALLENGES = "https://challenges.cloudflare.com";
    private static final String CLERK_IMAGES = "https://img.clerk.com";

    private final Map<String, String> headers;

    SecurityHeaders(Optional<ClerkFrontendApi> clerk) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", policy(clerk));
        h.put("X-Content-Type-Options", "nosniff");
        // Feed URLs carry their token in the path: no page may leak them through Referer.
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        this.headers = Map.copyOf(h);
    }

    Map<String, String> all() {
        return headers;
    }

    static String policy(Optional<ClerkFrontendApi> clerk) {
        if (clerk.isEmpty()) {
            return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
                    + "object-src 'none'";
        }
        String fapi = clerk.get().origin();
        // Clerk's components inject their styles at run time and run a bot check in a frame;
        // without these its sign-in does not render (Clerk's "CSP headers" guide).
        return "default-src 'self'; script-src 'self' " + fapi + " " + CLOUDFLARE_CHALLENGES
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: " + CLERK_IMAGES
                + "; connect-src 'self' " + fapi + "; worker-src 'self' blob:; frame-src " + CLOUDFLARE_CHALLENGES
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    }
}
