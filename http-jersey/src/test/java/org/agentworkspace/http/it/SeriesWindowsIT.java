package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a window read skips every series whose stored start bounds miss the window.
 * Property: over many random rules (COUNT, every UNTIL form, endless; own zones across DST, the
 * agent's zone, all-day) with moved and cancelled occurrences, {@code expand=true} lists for every
 * window exactly what each series' own full expansion ({@code /occurrences}, which reads the series
 * by id and skips nothing) puts in it, above all for windows at the edge of a series' last start;
 * and the stored bounds always enclose the series' occurrences.
 */
class SeriesWindowsIT extends OnItStack {
    private static final long SEED = Long.getLong("seriesWindows.seed", 20261204L);
    private static final Instant ORACLE_FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant ORACLE_BEFORE = Instant.parse("2029-01-01T00:00:00Z");
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo", "");
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UNTIL_LOCAL =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** One occurrence as both reads spell it. */
    private record Seen(String id, String originalStart, String start) {
        Instant startInstant() {
            return start.length() == 10 ? LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(start);
        }

        @Override
        public String toString() {
            return id + "@" + originalStart + "->" + start;
        }
    }

    @Test
    void everyWindowListsWhatTheFullExpansionPutsInIt() {
        Random random = new Random(SEED);
        ItStack.NewAgent agent = newAgentOf("user_windows");
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String body = randomSeries(random);
            Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(), body);
            assertThat(created.status()).as(body + " " + created.body()).isEqualTo(201);
            String id = created.json().path("event").path("id").asText();
            rules.put(id, body);
            alterOccurrences(random, agent, id, created.json().path("event").path("allDay").asBoolean());
        }

        List<Seen> all = new ArrayList<>();
        TreeSet<Instant> edges = new TreeSet<>();
        for (String id : rules.keySet()) {
            List<Seen> own = fullExpansion(agent, id);
            all.addAll(own);
            own.stream().map(Seen::startInstant).max(Instant::compareTo).ifPresent(last -> {
                edges.add(last);
                assertThat(stored("last_start", id)).as("the stored bound of %s covers its last start", rules.get(id))
                        .isAfterOrEqualTo(last);
            });
            own.stream().map(Seen::startInstant).min(Instant::compareTo).ifPresent(first -> {
                edges.add(first);
                assertThat(stored("first_start", id)).as("the stored bound of %s covers its first start", rules.get(id))
                        .isBeforeOrEqualTo(first);
            });
        }
        assertThat(stack.count("select count(*) from events where rrule is not null and last_start <> 'infinity'"))
                .as("most random series are bounded").isGreaterThan(rules.size() / 2);

        List<Instant[]> windows = new ArrayList<>();
        for (Instant last : edges) {
            windows.add(new Instant[] {last, last.plus(1, ChronoUnit.DAYS)});
            windows.add(new Instant[] {last.plusSeconds(1), last.plus(7, ChronoUnit.DAYS)});
            windows.add(new Instant[] {last.minusSeconds(1), last});
            windows.add(new Instant[] {last.minus(7, ChronoUnit.DAYS), last.plusSeconds(1)});
        }
        for (int i = 0; i < 40; i++) {
            Instant from = Instant.parse("2025-12-01T00:00:00Z").plus(random.nextInt(800), ChronoUnit.DAYS)
                    .plusSeconds(random.nextInt(86_400));
            windows.add(new Instant[] {from, from.plus(1 + random.nextInt(14), ChronoUnit.DAYS)});
        }
        for (Instant[] window : windows) {
            // The oracle knows the occurrences of its years only.
            Instant[] w = {later(window[0], ORACLE_FROM), earlier(window[1], ORACLE_BEFORE)};
            List<String> expected = all.stream()
                    .filter(s -> !s.startInstant().isBefore(w[0]) && s.startInstant().isBefore(w[1]))
                    .map(Seen::toString).sorted().toList();
            assertThat(listed(agent, w[0], w[1])).as("window [%s, %s), seed %d", w[0], w[1], SEED)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String randomSeries(Random random) {
        boolean allDay = random.nextInt(6) == 0;
        String zone = ZONES.get(random.nextInt(ZONES.size()));
        String freq = List.of("DAILY", "WEEKLY", "WEEKLY", "MONTHLY").get(random.nextInt(4));
        StringBuilder rule = new StringBuilder("FREQ=" + freq);
        if (!"MONTHLY".equals(freq) && random.nextBoolean()) {
            rule.append(";INTERVAL=").append(1 + random.nextInt(3));
        }
        if ("WEEKLY".equals(freq) && random.nextBoolean()) {
            rule.append(";BYDAY=").append(List.of("MO", "TU,TH", "SA,SU", "FR").get(random.nextInt(4)));
        }
        // Starts through 2026, so both DST switches of the zones fall inside many series.
        Instant start = Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(365), ChronoUnit.DAYS)
                .plus(allDay ? 0 : random.nextInt(24 * 4) * 15L, ChronoUnit.MINUTES);
        Instant until = start.plus(random.nextInt(200) - 10, ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
        switch (random.nextInt(5)) {
            case 0 -> rule.append(";COUNT=").append(1 + random.nextInt(15));
            case 1 -> rule.append(";UNTIL=").append(UNTIL_LOCAL.format(until)).append('Z');
            case 2 -> rule.append(";UNTIL=").append(UNTIL_DATE.format(until));
            case 3 -> rule.append(";UNTIL=").append(allDay ? UNTIL_DATE.format(until) : UNTIL_LOCAL.format(until));
            default -> { }
        }
        String startText = allDay ? LocalDate.ofInstant(start, ZoneOffset.UTC).toString() : start.toString();
        String endText = allDay ? LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(1).toString()
                : start.plus(Duration.ofMinutes(45)).toString();
        return "{\"title\":\"s\",\"start\":\"" + startText + "\",\"end\":\"" + endText + "\",\"allDay\":" + allDay
                + ",\"rrule\":\"" + rule + "\"" + (zone.isEmpty() ? "" : ",\"timezone\":\"" + zone + "\"") + "}";
    }

    /** Moves one occurrence of a timed series up to 90 days either way and cancels another, now and then. */
    private static void alterOccurrences(Random random, ItStack.NewAgent agent, String id, boolean allDay) {
        List<Seen> occurrences = fullExpansion(agent, id);
        if (allDay || occurrences.size() < 2 || random.nextInt(3) == 0) {
            return;
        }
        Seen moved = occurrences.get(random.nextInt(occurrences.size()));
        Instant to = moved.startInstant().plus(random.nextInt(180 * 24) - 90 * 24, ChronoUnit.HOURS);
        Reply override = stack.call("PATCH", occurrencePath(id, moved.originalStart()), agent.apiKey(),
                "{\"start\":\"" + to + "\",\"end\":\"" + to.plus(Duration.ofMinutes(20)) + "\"}");
        assertThat(override.status()).as(override.body()).isEqualTo(200);
        Seen cancelled = occurrences.get(random.nextInt(occurrences.size()));
        if (random.nextBoolean() && !cancelled.equals(moved)) {
            Reply cancel = stack.call("DELETE", occurrencePath(id, cancelled.originalStart()), agent.apiKey(), null);
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        }
    }

    private static String occurrencePath(String id, String originalStart) {
        return "/api/v1/events/" + id + "/occurrences/" + originalStart;
    }

    /** Every occurrence of one series in the oracle's years, read by id: no window skip is involved. */
    private static List<Seen> fullExpansion(ItStack.NewAgent agent, String id) {
        List<Seen> seen = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            Reply page = stack.get("/api/v1/events/" + id + "/occurrences?start_after=" + ORACLE_FROM + "&start_before="
                    + ORACLE_BEFORE + "&limit=500&offset=" + offset, agent.apiKey());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode items = page.json().path("occurrences");
            items.forEach(o -> seen.add(new Seen(id, o.path("originalStart").asText(), o.path("start").asText())));
            if (items.size() < 500) {
                return seen;
            }
        }
    }

    private static List<String> listed(ItStack.NewAgent agent, Instant from, Instant before) {
        Reply reply = stack.get("/api/v1/events?expand=true&limit=500&start_after=" + from + "&start_before=" + before,
                agent.apiKey());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        reply.json().path("events").forEach(e -> seen.add(new Seen(e.path("id").asText(),
                e.path("originalStart").asText(), e.path("start").asText()).toString()));
        assertThat(seen).as("fewer than a page").hasSizeLessThan(500);
        return seen.stream().sorted().toList();
    }

    /** A start bound as stored; the infinities as the farthest instants. */
    private static Instant stored(String column, String id) {
        String value = String.valueOf(stack.rows("select case when " + column + " in ('infinity', '-infinity')"
                + " then " + column + "::text else to_char(" + column + " at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') end as v from events where id = ?::uuid", id).get(0).get("v"));
        return switch (value) {
            case "infinity" -> Instant.MAX;
            case "-infinity" -> Instant.MIN;
            default -> Instant.parse(value);
        };
    }
}
