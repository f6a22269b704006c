package org.agentworkspace.app.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Clerk frontend API host named by a publishable key: {@code pk_test_} or {@code pk_live_}
 * followed by the base64 of the host and a {@code $}. The page loads Clerk's script from that
 * host, so the CSP must name exactly it and nothing broader.
 *
 * @param publishableKey the key as configured, safe to publish in the page
 * @param host           the frontend API host, e.g. {@code clerk.example.com}
 */
public record ClerkFrontendApi(String publishableKey, String host) {
    private static final Pattern KEY = Pattern.compile("pk_(test|live)_[A-Za-z0-9+/=_-]+");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public ClerkFrontendApi {
        Objects.requireNonNull(publishableKey, "publishableKey");
        Objects.requireNonNull(host, "host");
    }

    /**
     * Reads the host out of a publishable key.
     *
     * @throws IllegalArgumentException when the key is not a Clerk publishable key or does not
     *                                  name a plain DNS host (the message says which)
     */
    public static ClerkFrontendApi fromPublishableKey(String publishableKey) {
        if (publishableKey == null || !KEY.matcher(publishableKey).matches()) {
            throw new IllegalArgumentException(
                    "CLERK_PUBLISHABLE_KEY must look like pk_test_… or pk_live_… (copy it from Clerk's API keys page)");
        }
        String encoded = publishableKey.substring(publishableKey.indexOf('_', 3) + 1);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CLERK_PUBLISHABLE_KEY is not valid: its part after pk_…_ is not base64");
        }
        if (!decoded.endsWith("$")) {
            throw new IllegalArgumentException("CLERK_PUBLISHABLE_KEY is not valid: it does not encode a frontend API host");
        }
        String host = decoded.substring(0, decoded.length() - 1).toLowerCase(java.util.Locale.ROOT);
        // The host goes into a CSP header and a script URL: accept nothing but a DNS name.
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("CLERK_PUBLISHABLE_KEY is not valid: it does not encode a frontend API host");
        }
        return new ClerkFrontendApi(publishableKey, host);
    }

    /** {@code https://host}, the one origin the page may load Clerk's script from and talk to. */
    public String origin() {
        return "https://" + host;
    }
}
