package org.agentworkspace.http;

/** Which requests present a credential, and so which ones the rate limits watch. */
final class RateLimitedRoutes {
    private RateLimitedRoutes() {
    }

    static String relative(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** The agent API: REST under {@code /api/v1}, and the MCP server at {@code /mcp} (same key, same limits). */
    static boolean agentApi(String path) {
        return under(relative(path), "api/v1") || under(relative(path), "mcp");
    }

    static boolean dashboardApi(String path) {
        return under(relative(path), "api/dashboard");
    }

    static boolean feed(String path) {
        return under(relative(path), "api/cal");
    }

    /** The local-mode exchange of the sign-in secret (registered by the app). */
    static boolean localSignIn(String path) {
        return under(relative(path), "api/local");
    }

    static boolean credentialed(String path) {
        return agentApi(path) || dashboardApi(path) || feed(path) || localSignIn(path);
    }

    /** The token segment of a feed path ({@code api/cal/{agentId}/{token}.ics}); {@code null} when it has none. */
    static String feedToken(String path) {
        String[] segments = relative(path).split("/");
        if (segments.length != 4 || !segments[3].endsWith(".ics")) {
            return null;
        }
        return segments[3].substring(0, segments[3].length() - ".ics".length());
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
