package org.agentworkspace.http;

import java.util.Objects;
import org.agentworkspace.core.domain.FeedUrls;

/**
 * What the HTTP layer needs from the configuration.
 *
 * @param feedUrls builds subscription URLs from {@code AW_PUBLIC_URL}
 * @param maxBodyBytes request bodies longer than this are refused with 413
 */
public record HttpSettings(FeedUrls feedUrls, long maxBodyBytes) {
    /** 1 MiB, the limit API.md promises. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        Objects.requireNonNull(feedUrls, "feedUrls");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    public static HttpSettings of(FeedUrls feedUrls) {
        return new HttpSettings(feedUrls, DEFAULT_MAX_BODY_BYTES);
    }
}
