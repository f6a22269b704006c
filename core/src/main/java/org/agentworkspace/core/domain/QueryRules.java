package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The contract's rules for list query parameters, reported under the parameter names.
 *
 * <p>Events: {@code start_after}, {@code start_before} ISO 8601 date-times with offset (a bare
 * {@code YYYY-MM-DD} is read as that UTC midnight), {@code start_before} not before
 * {@code start_after}; {@code limit} 1 to 500 (default 100); {@code offset} at least 0 (default
 * 0); {@code expand} {@code true} or {@code false}, and {@code true} needs both bounds.
 * Audit pages: {@code limit} 1 to 500 (default 50), {@code offset} at least 0.
 */
public final class QueryRules {
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_EVENT_LIMIT = 100;
    public static final int DEFAULT_AUDIT_LIMIT = 50;
    /** More occurrences than this in one expanded window is refused (API.md). */
    public static final int MAX_OCCURRENCES = 10_000;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private QueryRules() {
    }

    /** @throws ValidationFailed with every issue */
    public static EventListing events(String startAfter, String startBefore, String limit, String offset,
                                      String expand) {
        Issues issues = new Issues();
        Instant after = bound(startAfter, "start_after", issues);
        Instant before = bound(startBefore, "start_before", issues);
        if (after != null && before != null && before.isBefore(after)) {
            issues.add("start_before", "start_before must not be before start_after");
        }
        int validLimit = limit(limit, DEFAULT_EVENT_LIMIT, issues);
        int validOffset = offset(offset, issues);
        boolean validExpand = false;
        if (expand != null) {
            if (expand.equals("true")) {
                validExpand = true;
                if (startAfter == null || startBefore == null) {
                    issues.add("expand", "expand=true needs both start_after and start_before");
                }
            } else if (!expand.equals("false")) {
                issues.add("expand", "expand must be true or false");
            }
        }
        issues.throwIfAny();
        return new EventListing(after, before, validLimit, validOffset, validExpand);
    }

    /** Free/busy windows span at most this many days (API.md, "Free/busy"). */
    public static final int MAX_FREE_BUSY_DAYS = 366;

    /**
     * A window whose bounds are both required ({@code start_after}, {@code start_before}), at most
     * {@code maxDays} long when {@code maxDays > 0}.
     *
     * @throws ValidationFailed with every issue
     */
    public static TimeWindow requiredWindow(String startAfter, String startBefore, int maxDays) {
        Issues issues = new Issues();
        if (startAfter == null) {
            issues.add("start_after", "start_after is required, e.g. " + Instants.EXAMPLE);
        }
        if (startBefore == null) {
            issues.add("start_before", "start_before is required, e.g. " + Instants.EXAMPLE);
        }
        Instant after = bound(startAfter, "start_after", issues);
        Instant before = bound(startBefore, "start_before", issues);
        if (after != null && before != null && before.isBefore(after)) {
            issues.add("start_before", "start_before must not be before start_after");
        } else if (after != null && before != null && maxDays > 0
                && java.time.Duration.between(after, before).compareTo(java.time.Duration.ofDays(maxDays)) > 0) {
            issues.add("start_before", "the window may span at most " + maxDays + " days");
        }
        issues.throwIfAny();
        return new TimeWindow(after, before);
    }

    /** @throws ValidationFailed with every issue */
    public static Paging page(String limit, String offset, int defaultLimit) {
        Issues issues = new Issues();
        int validLimit = limit(limit, defaultLimit, issues);
        int validOffset = offset(offset, issues);
        issues.throwIfAny();
        return new Paging(validLimit, validOffset);
    }

    private static Instant bound(String text, String path, Issues issues) {
        if (text == null) {
            return null;
        }
        Instant at = Instants.dateTime(text);
        if (at == null) {
            at = Instants.date(text);
        }
        if (at == null) {
            issues.add(path, path + " must be an ISO 8601 date-time with offset, e.g. " + Instants.EXAMPLE);
            return null;
        }
        if (!Instants.inSupportedRange(at)) {
            issues.add(path, Instants.rangeMessage(path));
            return null;
        }
        return at;
    }

    private static int limit(String text, int defaultLimit, Issues issues) {
        if (text == null) {
            return defaultLimit;
        }
        if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            issues.add("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
            return defaultLimit;
        }
        return Integer.parseInt(text);
    }

    private static int offset(String text, Issues issues) {
        if (text == null) {
            return 0;
        }
        if (!DIGITS.matcher(text).matches()) {
            issues.add("offset", "offset must be a whole number of at least 0");
            return 0;
        }
        return Integer.parseInt(text);
    }
}
