package org.agentworkspace.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the contract's instants and dates. Years outside 1900–2199 are refused, so absurd dates
 * are a validation issue instead of an overflow somewhere downstream.
 */
final class Instants {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;
    static final Instant MIN = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant END = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    static final String EXAMPLE = "2026-01-15T09:00:00Z";

    private Instants() {
    }

    /** An ISO 8601 date-time with offset ({@code Z} or {@code ±hh:mm}), or {@code null} if it is not one. */
    static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A {@code YYYY-MM-DD} date as its UTC midnight, or {@code null} if it is not one. */
    static Instant date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean inSupportedRange(Instant instant) {
        return !instant.isBefore(MIN) && instant.isBefore(END);
    }

    static boolean isUtcMidnight(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    static String rangeMessage(String path) {
        return path + " must lie in the years " + MIN_YEAR + " to " + MAX_YEAR;
    }
}
