package org.agentworkspace.http;

import java.util.Objects;
import org.agentworkspace.core.domain.FeedUrls;

/**
 * What the HTTP layer needs from the configuration.
 *
 * @param feedUrls builds subscription URLs from {@code AW_PUBLIC_URL}
 * @param maxBodyBytes request bodies longer than this are refused with 413
 * @param trustedOrigins the {@code Origin}s a cookie-authenticated dashboard write may come from
 *     (the server's own, Clerk's authorized parties); see {@code CrossSiteRequestFilter}
 */
public record HttpSettings(FeedUrls feedUrls, long maxBodyBytes, java.util.Set<String> trustedOrigins) {
    /** 1 MiB, the limit API.md promises. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        Objects.requireNonNull(feedUrls, "feedUrls");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        trustedOrigins = java.util.Set.copyOf(trustedOrigins);
    }

    /** No trusted origin: a cookie-authenticated write passes only with {@code Sec-Fetch-Site: same-origin}. */
    public HttpSettings(FeedUrls feedUrls, long maxBodyBytes) {
        this(feedUrls, maxBodyBytes, java.util.Set.of());
    }

    public HttpSettings withTrustedOrigins(java.util.Set<String> origins) {
        return new HttpSettings(feedUrls, maxBodyBytes, origins);
    }

    public static HttpSettings of(FeedUrls feedUrls) {
        return new HttpSettings(feedUrls, DEFAULT_MAX_BODY_BYTES);
    }
}
