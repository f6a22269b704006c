package org.agentworkspace.ics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Formats values the way RFC 5545 spells them: escaped TEXT, DATE, DATE-TIME, DURATION, UTC-OFFSET.
 *
 * <p>The hot ones append to the line being composed rather than answering a string, so a feed's
 * hundred thousand values cost no allocation each (docs/performance.md, "What changed"); the string
 * forms are for the few values written once per feed or zone.
 */
final class IcsValues {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final long SECONDS_PER_DAY = 86_400;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private IcsValues() {
    }

    /**
     * Escapes TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, every line
     * break (CRLF, CR or LF) becomes {@code \n}; other control characters, which TEXT may not
     * hold, are dropped (a tab stays).
     */
    static String text(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        text(sb, value);
        return sb.toString();
    }

    /** {@link #text(String)}, appended to {@code out}. */
    static void text(StringBuilder out, String value) {
        int length = value.length();
        // Runs of characters that stay as they are go in with one copy, not one append each.
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c > ',' && c != ';' && c != '\\' && c != 0x7F) {
                continue;
            }
            if (c >= 0x20 && c < ',') {
                continue;
            }
            out.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '\\' -> out.append('\\').append('\\');
                case ';' -> out.append('\\').append(';');
                case ',' -> out.append('\\').append(',');
                case '\n' -> out.append('\\').append('n');
                case '\r' -> {
                    out.append('\\').append('n');
                    if (i + 1 < length && value.charAt(i + 1) == '\n') {
                        i++;
                        run = i + 1;
                    }
                }
                default -> {
                    if (c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        out.append(value, run, length);
    }

    /**
     * A DATE-TIME in UTC form, {@code 20260302T090000Z}; sub-second precision is dropped.
     * Written by hand: a feed formats several stamps per event, and {@code LocalDateTime.ofInstant}
     * with a formatter was the largest allocation site of a 10,000-event feed (docs/performance.md).
     */
    static String utc(Instant instant) {
        StringBuilder sb = new StringBuilder(16);
        utc(sb, instant);
        return sb.toString();
    }

    /** {@link #utc(Instant)}, appended to {@code out}. */
    static void utc(StringBuilder out, Instant instant) {
        basic(out, instant.getEpochSecond());
        out.append('Z');
    }

    /** A DATE-TIME in local (TZID or floating) form, {@code 20260302T090000}. */
    static String local(LocalDateTime dateTime) {
        StringBuilder sb = new StringBuilder(15);
        local(sb, dateTime);
        return sb.toString();
    }

    static void local(StringBuilder out, LocalDateTime dateTime) {
        basic(out, dateTime.toEpochSecond(ZoneOffset.UTC));
    }

    /**
     * The wall-clock time {@code offsetSeconds} ahead of UTC at {@code instant}, in local form:
     * what {@link #local(LocalDateTime)} writes for {@code LocalDateTime.ofInstant} in a zone with
     * that offset, without building the date-time.
     */
    static void local(StringBuilder out, Instant instant, int offsetSeconds) {
        basic(out, instant.getEpochSecond() + offsetSeconds);
    }

    static String date(LocalDate date) {
        StringBuilder sb = new StringBuilder(8);
        date(sb, date.toEpochDay());
        return sb.toString();
    }

    /** The DATE of a day counted from 1970-01-01, {@code 20260302}. */
    static void date(StringBuilder out, long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            out.append(DATE.format(date));
            return;
        }
        ymd(out, date);
    }

    /** The UTC day of an instant, counted from 1970-01-01. */
    static long epochDay(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** {@code uuuuMMdd'T'HHmmss} of a count of seconds since 1970-01-01T00:00 on the same clock. */
    private static void basic(StringBuilder out, long localEpochSecond) {
        long day = Math.floorDiv(localEpochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(localEpochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            out.append(LOCAL.format(LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS)));
            return;
        }
        ymd(out, date);
        out.append('T');
        digits(out, secondOfDay / 3600, 2);
        digits(out, secondOfDay / 60 % 60, 2);
        digits(out, secondOfDay % 60, 2);
    }

    private static void ymd(StringBuilder out, LocalDate date) {
        digits(out, date.getYear(), 4);
        digits(out, date.getMonthValue(), 2);
        digits(out, date.getDayOfMonth(), 2);
    }

    /** Two digits (four for a year); constant divisors, which the JIT turns into multiplications. */
    private static void digits(StringBuilder out, int value, int width) {
        if (width == 4) {
            out.append((char) ('0' + value / 1000)).append((char) ('0' + value / 100 % 10));
            value %= 100;
        }
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@link UUID#toString()}, appended without building the string. */
    static void uuid(StringBuilder out, UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        hex(out, msb >>> 32, 8);
        out.append('-');
        hex(out, msb >>> 16, 4);
        out.append('-');
        hex(out, msb, 4);
        out.append('-');
        hex(out, lsb >>> 48, 4);
        out.append('-');
        hex(out, lsb, 12);
    }

    private static void hex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
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
        StringBuilder sb = new StringBuilder(7).append(total < 0 ? '-' : '+');
        digits(sb, abs / 3600, 2);
        digits(sb, abs % 3600 / 60, 2);
        if (abs % 60 != 0) {
            digits(sb, abs % 60, 2);
        }
        return sb.toString();
    }
}
