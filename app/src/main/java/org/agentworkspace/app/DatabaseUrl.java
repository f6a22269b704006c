package org.agentworkspace.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JDBC connection target parsed from {@code DATABASE_URL}, which hosting providers print as
 * {@code postgres://user:pass@host:5432/db?sslmode=require} and Java people write as
 * {@code jdbc:postgresql://…}. Error messages name the problem but never include the password.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public static DatabaseUrl parse(String variable, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(variable + " is empty");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            // The driver reads user and password from the URL's own parameters.
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new ConfigException(variable + " must start with postgres://, postgresql:// or jdbc:postgresql:// (got "
                    + schemeOf(trimmed) + ")");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new ConfigException(variable + " is not a valid URL: " + e.getReason()
                    + " (special characters in the password must be percent-encoded)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new ConfigException(variable + " names no host (expected postgres://user:password@host:5432/database)");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            throw new ConfigException(variable + " names no database (expected postgres://user:password@host:5432/database)");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostPart);
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(path);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String schemeOf(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? "no scheme" : "'" + text.substring(0, Math.min(colon, 20)) + ":'";
    }

    /** Safe to log: the URL with any password parameter masked. */
    public String describe() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***") + (user == null ? "" : " as " + user);
    }

    /** The {@code sslmode} values that encrypt the connection; {@code verify-*} also authenticate the server. */
    private static final java.util.Set<String> ENCRYPTED = java.util.Set.of("require", "verify-ca", "verify-full");

    /**
     * Whether the connection would go over the network without TLS: a host that is not a loopback
     * literal (or {@code localhost}), and an {@code sslmode} weaker than {@code require}. The
     * driver's default is {@code prefer}, which falls back to plain text; {@code ssl=true} alone
     * means {@code verify-full}. Decided from the URL's text only: no name is looked up.
     */
    public boolean unencryptedOverTheNetwork() {
        return !hosts().stream().allMatch(DatabaseUrl::isLoopbackLiteral) && !ENCRYPTED.contains(sslMode());
    }

    /** The effective {@code sslmode} as the driver reads it (last occurrence wins; {@code prefer} by default). */
    String sslMode() {
        String mode = parameter("sslmode");
        if (mode != null) {
            return mode.toLowerCase(java.util.Locale.ROOT);
        }
        String ssl = parameter("ssl");
        return ssl != null && (ssl.isEmpty() || ssl.equalsIgnoreCase("true")) ? "verify-full" : "prefer";
    }

    /** The hosts of {@code jdbc:postgresql://h1:p1,h2:p2/db}; {@code jdbc:postgresql:db} means localhost. */
    java.util.List<String> hosts() {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return java.util.List.of("localhost");
        }
        rest = rest.substring(2);
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        java.util.List<String> hosts = new java.util.ArrayList<>();
        for (String hostAndPort : rest.substring(0, end).split(",")) {
            String host = hostAndPort.startsWith("[") ? hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')))
                    : hostAndPort.replaceFirst(":\\d*$", "");
            hosts.add(host.isEmpty() ? "localhost" : host);
        }
        return hosts;
    }

    private String parameter(String name) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return null;
        }
        String value = null;
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return value;
    }

    private static boolean isLoopbackLiteral(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
                || h.matches("(0{1,4}:){7}0{0,3}1") || h.matches("(0{1,4}:){1,6}:0{0,3}1");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + describe() + "]";
    }
}
