package org.agentworkspace.core.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 5545 RRULE value (section 3.3.10) that passed validation, normalised to upper case
 * without the {@code RRULE:} prefix, with its parts in the order given.
 *
 * <p>Only the parts of RFC 5545 are accepted (no RFC 7529 {@code RSCALE}/{@code SKIP}), each at
 * most once, with the value ranges and combinations the RFC allows, so every stored rule can be
 * expanded by the feed and the API alike.
 */
public final class RecurrenceRule {
    private static final String PREFIX = "RRULE:";
    private static final List<String> FREQUENCIES =
            List.of("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private static final List<String> PARTS = List.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE",
            "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");
    private static final Set<String> WEEKDAYS = Set.of("SU", "MO", "TU", "WE", "TH", "FR", "SA");
    private static final Pattern WEEKDAY_NUM = Pattern.compile("([+-]?)(\\d{1,2})?([A-Z]{2})");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern POSITIVE = Pattern.compile("\\+?\\d{1,9}");
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter UNTIL_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private final String value;

    private RecurrenceRule(String value) {
        this.value = value;
    }

    /**
     * Validates {@code text} and returns the normalised rule, or {@code null} after adding every
     * problem found to {@code issues} under {@code path}.
     */
    public static RecurrenceRule parse(String text, String path, Issues issues) {
        Objects.requireNonNull(text, "text");
        String rule = text.strip().toUpperCase(Locale.ROOT);
        if (rule.startsWith(PREFIX)) {
            rule = rule.substring(PREFIX.length());
        }
        Issues local = new Issues();
        Map<String, String> parts = split(rule, path, local);
        if (local.isEmpty()) {
            check(parts, path, local);
        }
        if (!local.isEmpty()) {
            local.asList().forEach(i -> issues.add(i.path(), i.message()));
            return null;
        }
        return new RecurrenceRule(rule);
    }

    /** The normalised value, e.g. {@code FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10}. */
    public String value() {
        return value;
    }

    private static Map<String, String> split(String rule, String path, Issues issues) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (rule.isEmpty()) {
            issues.add(path, path + " must not be empty; give a rule such as FREQ=WEEKLY;BYDAY=MO");
            return parts;
        }
        for (String part : rule.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                issues.add(path, path + " part '" + part + "' must be NAME=VALUE, parts separated by ';'");
                continue;
            }
            String name = part.substring(0, eq);
            if (!PARTS.contains(name)) {
                issues.add(path, path + " has unknown part " + name + "; allowed are " + String.join(", ", PARTS));
            } else if (parts.putIfAbsent(name, part.substring(eq + 1)) != null) {
                issues.add(path, path + " must not repeat " + name);
            }
        }
        return parts;
    }

    private static void check(Map<String, String> parts, String path, Issues issues) {
        String freq = parts.get("FREQ");
        if (freq == null) {
            issues.add(path, path + " must have FREQ, e.g. FREQ=DAILY");
        } else if (!FREQUENCIES.contains(freq)) {
            issues.add(path, path + " FREQ must be one of " + String.join(", ", FREQUENCIES));
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            issues.add(path, path + " must not have both COUNT and UNTIL");
        }
        positive(parts, "COUNT", path, issues);
        positive(parts, "INTERVAL", path, issues);
        until(parts.get("UNTIL"), path, issues);
        numberList(parts, "BYSECOND", 0, 60, false, path, issues);
        numberList(parts, "BYMINUTE", 0, 59, false, path, issues);
        numberList(parts, "BYHOUR", 0, 23, false, path, issues);
        numberList(parts, "BYMONTHDAY", 1, 31, true, path, issues);
        numberList(parts, "BYYEARDAY", 1, 366, true, path, issues);
        numberList(parts, "BYWEEKNO", 1, 53, true, path, issues);
        numberList(parts, "BYMONTH", 1, 12, false, path, issues);
        numberList(parts, "BYSETPOS", 1, 366, true, path, issues);
        byDay(parts, freq, path, issues);
        String wkst = parts.get("WKST");
        if (wkst != null && !WEEKDAYS.contains(wkst)) {
            issues.add(path, path + " WKST must be one of SU, MO, TU, WE, TH, FR, SA");
        }
        combinations(parts, freq, path, issues);
    }

    private static void positive(Map<String, String> parts, String name, String path, Issues issues) {
        String v = parts.get(name);
        if (v != null && (!POSITIVE.matcher(v).matches() || Integer.parseInt(v) < 1)) {
            issues.add(path, path + " " + name + " must be a whole number of at least 1");
        }
    }

    private static void until(String v, String path, Issues issues) {
        if (v == null) {
            return;
        }
        LocalDateTime at = null;
        try {
            if (v.length() == 8) {
                at = LocalDate.parse(v, UNTIL_DATE).atStartOfDay();
            } else if (v.length() == 15 || (v.length() == 16 && v.endsWith("Z"))) {
                at = LocalDateTime.parse(v.substring(0, 15), UNTIL_DATE_TIME);
            }
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            issues.add(path, path + " UNTIL must be a date YYYYMMDD or a UTC date-time YYYYMMDDTHHMMSSZ");
        } else if (!Instants.inSupportedRange(at.toInstant(ZoneOffset.UTC))) {
            issues.add(path, path + " UNTIL must lie in the years " + Instants.MIN_YEAR + " to " + Instants.MAX_YEAR);
        }
    }

    private static void numberList(Map<String, String> parts, String name, int min, int max, boolean signed,
                                   String path, Issues issues) {
        String v = parts.get(name);
        if (v == null) {
            return;
        }
        for (String item : v.split(",", -1)) {
            boolean ok = INTEGER.matcher(item).matches();
            if (ok) {
                int n = Integer.parseInt(item);
                ok = signed ? Math.abs(n) >= min && Math.abs(n) <= max && (n != 0 || min == 0)
                        : n >= min && n <= max && !item.startsWith("-");
            }
            if (!ok) {
                String range = signed ? min + " to " + max + " or -" + max + " to -" + min : min + " to " + max;
                issues.add(path, path + " " + name + " values must be in " + range + ", separated by commas");
                return;
            }
        }
    }

    private static void byDay(Map<String, String> parts, String freq, String path, Issues issues) {
        String v = parts.get("BYDAY");
        if (v == null) {
            return;
        }
        for (String item : v.split(",", -1)) {
            Matcher m = WEEKDAY_NUM.matcher(item);
            boolean ok = m.matches() && WEEKDAYS.contains(m.group(3)) && (m.group(1).isEmpty() || m.group(2) != null);
            if (ok && m.group(2) != null) {
                int n = Integer.parseInt(m.group(2));
                ok = n >= 1 && n <= 53;
                if (ok && !"MONTHLY".equals(freq) && !"YEARLY".equals(freq)) {
                    issues.add(path, path + " BYDAY with a number (like 1MO or -1FR) needs FREQ=MONTHLY or FREQ=YEARLY");
                    return;
                }
                if (ok && "YEARLY".equals(freq) && parts.containsKey("BYWEEKNO")) {
                    issues.add(path, path + " BYDAY with a number must not be combined with BYWEEKNO");
                    return;
                }
                if (ok && "MONTHLY".equals(freq) && n > 5) {
                    issues.add(path, path + " BYDAY number must be 1 to 5 (or -1 to -5) with FREQ=MONTHLY");
                    return;
                }
            }
            if (!ok) {
                issues.add(path, path + " BYDAY values must be weekdays SU, MO, TU, WE, TH, FR, SA, optionally"
                        + " preceded by a number such as 1MO or -1FR, separated by commas");
                return;
            }
        }
    }

    private static void combinations(Map<String, String> parts, String freq, String path, Issues issues) {
        if (parts.containsKey("BYWEEKNO") && freq != null && !"YEARLY".equals(freq)) {
            issues.add(path, path + " BYWEEKNO needs FREQ=YEARLY");
        }
        if (parts.containsKey("BYYEARDAY") && ("DAILY".equals(freq) || "WEEKLY".equals(freq) || "MONTHLY".equals(freq))) {
            issues.add(path, path + " BYYEARDAY must not be used with FREQ=" + freq);
        }
        if (parts.containsKey("BYMONTHDAY") && "WEEKLY".equals(freq)) {
            issues.add(path, path + " BYMONTHDAY must not be used with FREQ=WEEKLY");
        }
        if (parts.containsKey("BYSETPOS") && parts.keySet().stream()
                .noneMatch(p -> p.startsWith("BY") && !p.equals("BYSETPOS"))) {
            issues.add(path, path + " BYSETPOS needs another BY part such as BYDAY");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecurrenceRule other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
