package org.agentworkspace.core.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses IANA time-zone ids; UTC offsets are refused because they do not follow daylight saving. */
final class Zones {
    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();
    private static final Pattern OFFSET_LIKE = Pattern.compile("(?i)(Z|(UTC|GMT|UT)?\\s*[+-].*)");

    private Zones() {
    }

    /** The zone, or {@code null} after recording an issue under {@code path}. */
    static ZoneId parse(String text, String path, Issues issues) {
        if (OFFSET_LIKE.matcher(text).matches()) {
            issues.add(path, path + " must be an IANA zone id such as Europe/Berlin, not a UTC offset like "
                    + "+02:00, so that daylight saving time is followed");
            return null;
        }
        if (KNOWN.contains(text)) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                // Listed but without rules on this JDK: treat like an unknown id.
            }
        }
        issues.add(path, path + " must be an IANA zone id such as Europe/Berlin");
        return null;
    }
}
