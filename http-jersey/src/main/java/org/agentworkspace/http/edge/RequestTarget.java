package org.agentworkspace.http.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * What is wrong with a request's target before Jersey turns it into a {@link URI} (which throws,
 * and Grizzly then answers with an HTML 500). Checked on the raw bytes as they arrived: RFC 3986
 * characters only in the path, every {@code %} followed by two hex digits, a host Java can parse.
 */
final class RequestTarget {
    private static final String PATH_PUNCTUATION = "-._~!$&'()*+,;=:@/";

    private RequestTarget() {
    }

    /** A refusal, for a caller that must learn what to fix; empty when the target is usable. */
    record Problem(int status, String message) {
    }

    static Optional<Problem> check(String scheme, String host, int port, String rawPath, String rawQuery) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of(new Problem(400, "The request target must be a path starting with /"));
        }
        if (rawPath.indexOf('{') >= 0 || rawPath.indexOf('}') >= 0) {
            return Optional.of(new Problem(404, "Not found: the path contains '{' or '}', so a URI template "
                    + "placeholder such as {id} was not substituted; put the real value in its place"));
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (!escapeAt(rawPath, i)) {
                    return Optional.of(new Problem(404, "Not found: the path has a '%' that is not followed by two "
                            + "hex digits; send a literal % as %25"));
                }
            } else if (!legalInPath(c)) {
                return Optional.of(new Problem(404, "Not found: the path contains a character that is not legal in "
                        + "a URI (" + describe(c) + "); percent-encode it"));
            }
        }
        if (rawQuery != null) {
            for (int i = 0; i < rawQuery.length(); i++) {
                char c = rawQuery.charAt(i);
                if (c == '%' && !escapeAt(rawQuery, i)) {
                    return Optional.of(new Problem(400, "The query string has a '%' that is not followed by two "
                            + "hex digits; send a literal % as %25"));
                }
                if (c < 0x20 || c == 0x7f) {
                    return Optional.of(new Problem(400, "The query string contains a control character; percent-encode it"));
                }
            }
        }
        try {
            // Exactly what Jersey's container builds from the Host header; a name it cannot take is the caller's.
            URI base = new URI(scheme, null, host, port, null, null, null);
            new URI(base + rawPath);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.of(new Problem(400, "The Host header does not name a valid host"));
        }
        return Optional.empty();
    }

    private static boolean escapeAt(String text, int i) {
        return i + 2 < text.length() && hex(text.charAt(i + 1)) && hex(text.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean legalInPath(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PATH_PUNCTUATION.indexOf(c) >= 0;
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c >= 0x7f) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
