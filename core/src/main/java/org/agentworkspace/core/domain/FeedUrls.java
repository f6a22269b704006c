package org.agentworkspace.core.domain;

import java.util.Objects;

/** Builds the public URL of a feed from the configured base ({@code AW_PUBLIC_URL}). */
public record FeedUrls(String publicBaseUrl) {
    public FeedUrls {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        while (publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }

    public String urlOf(Subscription subscription) {
        return publicBaseUrl + "/api/cal/" + subscription.agentId() + "/" + subscription.token().reveal() + ".ics";
    }
}
