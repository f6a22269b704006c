package org.agentworkspace.ics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Formats values the way RFC 5545 spells them: escaped TEXT, DATE, DATE-TIME, DURATION, UTC-OFFSET. */
final class IcsValues {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private IcsValues() {
    }

    /**
     * Escapes TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, every line
     * break (CRLF, CR or LF) becomes {@code \n}; other control characters, which TEXT may not
     * hold, are dropped (a tab stays).
     */
    static String text(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    sb.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A DATE-TIME in UTC form, {@code 20260302T090000Z}; sub-second precision is dropped.
     * Written by hand: a feed formats five stamps per event, and {@code LocalDateTime.ofInstant}
     * with a formatter was the largest allocation site of a 10,000-event feed (docs/performance.md).
     */
    static String utc(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        return basic(t, true);
    }

    /** A DATE-TIME in local (TZID or floating) form, {@code 20260302T090000}. */
    static String local(LocalDateTime dateTime) {
        return basic(dateTime, false);
    }

    static String date(LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return DATE.format(date);
        }
        char[] out = new char[8];
        digits(out, 0, date.getYear(), 4);
        digits(out, 4, date.getMonthValue(), 2);
        digits(out, 6, date.getDayOfMonth(), 2);
        return new String(out);
    }

    private static String basic(LocalDateTime t, boolean utc) {
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return LOCAL.format(t.truncatedTo(ChronoUnit.SECONDS)) + (utc ? "Z" : "");
        }
        char[] out = new char[utc ? 16 : 15];
        digits(out, 0, t.getYear(), 4);
        digits(out, 4, t.getMonthValue(), 2);
        digits(out, 6, t.getDayOfMonth(), 2);
        out[8] = 'T';
        digits(out, 9, t.getHour(), 2);
        digits(out, 11, t.getMinute(), 2);
        digits(out, 13, t.getSecond(), 2);
        if (utc) {
            out[15] = 'Z';
        }
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * A DURATION of whole seconds, never negative: {@code PT1H}, {@code PT1H0M5S}. RFC 5545's
     * grammar forbids skipping the minutes between hours and seconds, which
     * {@link Duration#toString()} would do, and it has no fractions.
     */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder sb = new StringBuilder("PT");
        if (h > 0) {
            sb.append(h).append('H');
        }
        if (m > 0 || (h > 0 && s > 0)) {
            sb.append(m).append('M');
        }
        if (s > 0 || seconds == 0) {
            sb.append(s).append('S');
        }
        return sb.toString();
    }

    /** A UTC-OFFSET, {@code +0100}, {@code -0330}, with seconds only when there are any. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
