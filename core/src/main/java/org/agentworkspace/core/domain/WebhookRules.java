package org.agentworkspace.core.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contract's rules for a new webhook: {@code url} an absolute {@code https://} URL (or
 * {@code http://} where private targets are allowed) with a host, no credentials and at most 2,000
 * characters; {@code events} a non-empty list of known types, or absent for all of them.
 */
public final class WebhookRules {
    public static final int MAX_ENDPOINTS_PER_AGENT = 10;
    private static final int MAX_URL_LENGTH = 2000;

    private WebhookRules() {
    }

    /** Reports issues under {@code url}; null when the URL is unusable. */
    public static URI url(String text, boolean allowHttp, Issues issues) {
        if (text == null || text.isBlank()) {
            issues.add("url", "url is required");
            return null;
        }
        if (text.length() > MAX_URL_LENGTH) {
            issues.add("url", "url must be at most " + MAX_URL_LENGTH + " characters");
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            issues.add("url", "url must be an absolute URL, e.g. https://example.com/hooks");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            issues.add("url", "url must start with https://");
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            issues.add("url", "url must name a host");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            issues.add("url", "url must not contain credentials");
            return null;
        }
        if (uri.getRawFragment() != null) {
            issues.add("url", "url must not contain a fragment");
            return null;
        }
        return uri;
    }

    /** Reports issues under {@code events}; every type when {@code names} is null. */
    public static Set<WebhookEventType> events(List<String> names, Issues issues) {
        if (names == null) {
            return EnumSet.allOf(WebhookEventType.class);
        }
        if (names.isEmpty()) {
            issues.add("events", "events must name at least one type, or be left out for all of them");
            return Set.of();
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            WebhookEventType type = name == null ? null : WebhookEventType.fromWire(name).orElse(null);
            if (type == null) {
                issues.add("events", "unknown event type " + (name == null ? "null" : "'" + name + "'")
                        + "; allowed: " + String.join(", ", WebhookEventType.wireNames()));
            } else {
                types.add(type);
            }
        }
        return types;
    }
}
