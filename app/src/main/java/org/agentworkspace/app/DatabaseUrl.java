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

    @Override
    public String toString() {
        return "DatabaseUrl[" + describe() + "]";
    }
}
