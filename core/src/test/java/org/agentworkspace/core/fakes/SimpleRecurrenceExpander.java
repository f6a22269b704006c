package org.agentworkspace.core.fakes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.port.out.Occurrence;
import org.agentworkspace.core.port.out.RecurrenceExpander;

/**
 * An honest but small expander for core tests: FREQ=DAILY or WEEKLY with INTERVAL and COUNT, in
 * wall-clock time of the zone. Refuses every other rule rather than expanding it wrongly.
 */
public final class SimpleRecurrenceExpander implements RecurrenceExpander {
    private final List<ZoneId> zonesAsked = new ArrayList<>();

    @Override
    public List<Occurrence> occurrences(EventData series, ZoneId zone, Instant from, Instant before, int max) {
        zonesAsked.add(zone);
        Map<String, String> parts = new HashMap<>();
        for (String part : series.rrule().split(";")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        int days = switch (parts.get("FREQ")) {
            case "DAILY" -> 1;
            case "WEEKLY" -> 7;
            default -> throw new UnsupportedOperationException("test expander: " + series.rrule());
        };
        for (String name : parts.keySet()) {
            if (!List.of("FREQ", "INTERVAL", "COUNT").contains(name)) {
                throw new UnsupportedOperationException("test expander: " + name);
            }
        }
        int step = days * Integer.parseInt(parts.getOrDefault("INTERVAL", "1"));
        long count = Long.parseLong(parts.getOrDefault("COUNT", Long.toString(Long.MAX_VALUE)));
        Duration length = Duration.between(series.start(), series.end());
        ZonedDateTime first = series.start().atZone(zone);
        List<Occurrence> out = new ArrayList<>();
        for (long i = 0; i < count && out.size() < max; i++) {
            Instant start = first.plusDays(i * step).toInstant();
            if (!start.isBefore(before)) {
                break;
            }
            if (!start.isBefore(from)) {
                out.add(new Occurrence(start, start.plus(length)));
            }
        }
        return out;
    }

    public List<ZoneId> zonesAsked() {
        return List.copyOf(zonesAsked);
    }
}
