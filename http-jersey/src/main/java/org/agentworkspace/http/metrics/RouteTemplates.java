package org.agentworkspace.http.metrics;

import java.util.List;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The label a request is counted and logged under: the template of the route it matched
 * ({@code /api/cal/{agentId}/{token}.ics}), or, when routing never happened (refused before
 * matching, or no route), a fixed name for its area. Never the raw path: feed tokens are in paths,
 * and raw paths would make the label set unbounded.
 */
public final class RouteTemplates {
    public static final String UNMATCHED = "UNMATCHED";
    private static final java.util.regex.Pattern SLASHES = java.util.regex.Pattern.compile("/{2,}");

    private RouteTemplates() {
    }

    /** @param matched Jersey's matched templates, innermost first */
    public static String label(List<UriTemplate> matched, String rawPath) {
        if (matched != null && !matched.isEmpty()) {
            StringBuilder route = new StringBuilder();
            for (int i = matched.size() - 1; i >= 0; i--) {
                String part = matched.get(i).getTemplate();
                if (!part.isEmpty() && !part.equals("/")) {
                    route.append('/').append(part);
                }
            }
            String joined = route.indexOf("//") < 0 ? route.toString() : SLASHES.matcher(route).replaceAll("/");
            if (joined.length() > 1 && joined.endsWith("/")) {
                joined = joined.substring(0, joined.length() - 1);
            }
            return joined.isEmpty() ? "/" : joined;
        }
        String path = rawPath == null ? "" : rawPath.replaceFirst("^/+", "");
        for (String area : List.of("api/v1", "api/dashboard", "api/cal", "api/webhooks", "api/local")) {
            if (path.equals(area) || path.startsWith(area + "/")) {
                return "/" + area + "/**";
            }
        }
        return UNMATCHED;
    }
}
