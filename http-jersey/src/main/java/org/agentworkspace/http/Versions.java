package org.agentworkspace.http;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.core.domain.PreconditionFailed;

/** Strong entity tags {@code "v<version>"} for events and documents, and {@code If-Match} read against them. */
final class Versions {
    private static final Pattern TAG = Pattern.compile("\"v(\\d{1,18})\"");

    private Versions() {
    }

    static String etag(long version) {
        return "\"v" + version + "\"";
    }

    /**
     * The version a write must find, from {@code If-Match}: empty when absent or {@code *}; the one
     * tag's version; for a list, the current version if it is listed. Weak or foreign tags never match
     * (If-Match compares strongly).
     *
     * @param currentVersion asked only for a list of several tags
     * @throws PreconditionFailed when no listed tag can match
     */
    static OptionalLong expected(String ifMatch, LongSupplier currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        List<Long> versions = new ArrayList<>();
        for (String part : ifMatch.split(",")) {
            Matcher m = TAG.matcher(part.trim());
            if (m.matches()) {
                versions.add(Long.parseLong(m.group(1)));
            }
        }
        if (versions.isEmpty()) {
            throw new PreconditionFailed();
        }
        if (versions.size() == 1) {
            return OptionalLong.of(versions.get(0));
        }
        long current = currentVersion.getAsLong();
        if (!versions.contains(current)) {
            throw new PreconditionFailed();
        }
        // Core still compares inside its transaction, so a change in between gives 412, not a lost update.
        return OptionalLong.of(current);
    }
}
