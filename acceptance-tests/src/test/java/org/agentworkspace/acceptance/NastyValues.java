package org.agentworkspace.acceptance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile inputs: JSON values of the wrong type, nulls, huge numbers, deep
 * nesting, mebibyte strings, broken escapes, invalid UTF-8, exploding RRULEs, absurd dates and
 * zones, and whole bodies that are not JSON at all. The same seed gives the same cases.
 */
final class NastyValues {
    static final int MIB = 1 << 20;
    private static final List<String> SCALARS = List.of("null", "true", "false", "0", "-1", "1e400", "-1e400",
            "99999999999999999999999999999999", "1.5", "[]", "{}", "[null]", "{\"a\":1}", "\"\"", "\" \"",
            "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u202e\"", "\"<script>alert(1)</script>\"",
            "\"' or 1=1 --\"", "\"%00\"", "\"\\\\x00\"");
    private static final List<String> RRULES = List.of("FREQ=SECONDLY", "FREQ=SECONDLY;COUNT=2147483647",
            "FREQ=MINUTELY;INTERVAL=1;UNTIL=99991231T235959Z", "FREQ=SECONDLY;BYSECOND=0,1,2,3,4,5,6,7,8,9;BYMINUTE=0,1,2,3,4,5",
            "FREQ=YEARLY;BYYEARDAY=366;BYWEEKNO=53;BYSETPOS=-1", "FREQ=DAILY;COUNT=-1", "FREQ=DAILY;INTERVAL=0",
            "RRULE:RRULE:FREQ=DAILY", "FREQ=WEEKLY;BYDAY=XX", "FREQ=DAILY;UNTIL=2026", "FREQ=HOURLY;COUNT=999999999",
            "FREQ=DAILY\r\nATTENDEE:mailto:x@y", "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "", ";;;;", "FREQ=DAILY;COUNT=1;COUNT=2");
    private static final List<String> DATES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T25:61:61Z",
            "2026-01-01", "2026-01-01T00:00:00", "2026-01-01T00:00:00+99:00", "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "10000-01-01T00:00:00Z", "yesterday", "1e10", "2026-W01-1",
            "2026-03-29T02:30:00[Europe/Berlin]", "");
    private static final List<String> ZONES = List.of("Mars/Olympus_Mons", "../../etc/passwd", "+99:00", "GMT+25",
            "UTC", "Z", "", "Europe/Berlin\u0000", "America/Argentina/ComodRivadavia", "SystemV/AST4", "EST5EDT",
            "Etc/GMT-14", "x".repeat(300));

    private final Random random;

    NastyValues(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile JSON value (as JSON text) for a field. */
    String value(String field) {
        return switch (random.nextInt(9)) {
            case 0, 1 -> pick(SCALARS);
            case 2 -> quote(pick(RRULES));
            case 3 -> quote(pick(DATES));
            case 4 -> quote(pick(ZONES));
            case 5 -> nested(1 + random.nextInt(3) * 2000);
            case 6 -> quote("x".repeat(random.nextBoolean() ? MIB : 100_001 + random.nextInt(1000)));
            case 7 -> quote(field.equals("color") ? "#GGGGGG" : "é".repeat(501));
            default -> String.valueOf(random.nextLong()) + "." + "9".repeat(random.nextInt(400));
        };
    }

    /** A hostile query-parameter value, already percent-encoded or deliberately badly encoded. */
    String queryValue() {
        return switch (random.nextInt(6)) {
            case 0 -> encode(pick(DATES));
            case 1 -> pick(List.of("-1", "0", "501", "2147483648", "99999999999999999999", "1e3", "NaN", "", "%ZZ", "%C0%AF", "%FF%FE"));
            case 2 -> encode(pick(SCALARS));
            case 3 -> "x".repeat(8_000);
            case 4 -> pick(List.of("true", "false", "TRUE", "yes", "1", "null"));
            default -> encode(pick(ZONES));
        };
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A whole body that is broken as JSON or as UTF-8. */
    byte[] brokenBody(String validBody) {
        return switch (random.nextInt(8)) {
            case 0 -> validBody.substring(0, random.nextInt(Math.max(1, validBody.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> withBytes(validBody, new byte[] {(byte) 0xC3, 0x28});
            case 2 -> withBytes(validBody, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            case 3 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 4 -> nested(100_000).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"title\":\"" + "\\u".repeat(3) + "zz\"}").getBytes(StandardCharsets.UTF_8);
            case 6 -> new byte[0];
            default -> (validBody + validBody).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The valid body with raw bytes spliced inside its first string value. */
    private static byte[] withBytes(String validBody, byte[] raw) {
        int quote = validBody.indexOf("\":\"") + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(validBody.substring(0, quote).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(validBody.substring(quote).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
