package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.CalendarFingerprint;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.EventWindow;
import org.agentworkspace.core.port.out.StartBounds;

public final class InMemoryEventRepository implements EventRepository {
    private static final Comparator<Event> ORDER =
            Comparator.comparing((Event e) -> e.data().start()).thenComparing(e -> e.id().value());
    private final InMemoryDatabase db;

    public InMemoryEventRepository(InMemoryDatabase db) {
        this.db = db;
    }

    private Stream<Event> own(AgentScope scope) {
        return db.events.values().stream().filter(e -> e.agentId().equals(scope.agentId())).sorted(ORDER);
    }

    @Override
    public void insert(AgentScope scope, Event event, StartBounds bounds) {
        if (!event.agentId().equals(scope.agentId()) || !db.agents.containsKey(scope.agentId())) {
            throw new IllegalStateException("an event is inserted only into the scope's existing agent");
        }
        db.events.put(event.id(), event.withExceptions(List.of()));
        db.startBounds.put(event.id(), bounds);
        written(event.agentId(), event.updatedAt());
    }

    @Override
    public Optional<Event> find(AgentScope scope, EventId id) {
        return Optional.ofNullable(db.events.get(id)).filter(e -> e.agentId().equals(scope.agentId()));
    }

    @Override
    public List<Event> list(AgentScope scope, EventWindow window) {
        return own(scope)
                .filter(e -> window.startAfter() == null || !e.data().start().isBefore(window.startAfter()))
                .filter(e -> window.startBefore() == null || e.data().start().isBefore(window.startBefore()))
                .skip(window.offset()).limit(window.limit()).toList();
    }

    @Override
    public List<Event> candidatesForExpansion(AgentScope scope, Instant from, Instant before) {
        return own(scope)
                .filter(e -> inWindow(e, from, before) || e.data().recurring()
                        && db.startBounds.getOrDefault(e.id(), StartBounds.UNBOUNDED).reaches(from, before))
                .toList();
    }

    private static boolean inWindow(Event event, Instant from, Instant before) {
        return !event.data().start().isBefore(from) && event.data().start().isBefore(before);
    }

    @Override
    public boolean update(AgentScope scope, Event event, long expectedVersion, StartBounds bounds) {
        Optional<Event> stored = find(scope, event.id());
        if (stored.isEmpty() || stored.get().version() != expectedVersion) {
            return false;
        }
        // Like the table: an update writes the event's columns; its exceptions are another table's rows.
        db.events.put(event.id(), event.withExceptions(stored.get().exceptions()));
        db.startBounds.put(event.id(), bounds);
        written(event.agentId(), event.updatedAt());
        return true;
    }

    @Override
    public boolean delete(AgentScope scope, EventId id) {
        if (find(scope, id).isEmpty()) {
            return false;
        }
        db.events.remove(id);
        db.startBounds.remove(id);
        // Like the schema's trigger: a deletion is stamped by the database's own clock.
        written(scope.agentId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        return true;
    }

    private void written(AgentId agent, Instant at) {
        db.eventWrites.merge(agent, new CalendarFingerprint(1, at), (old, next) -> new CalendarFingerprint(
                old.revision() + 1, old.lastChange().isAfter(at) ? old.lastChange() : at));
    }

    @Override
    public void forEach(AgentScope scope, Consumer<Event> sink) {
        own(scope).forEach(sink);
    }

    @Override
    public CalendarFingerprint fingerprint(AgentScope scope) {
        return db.eventWrites.getOrDefault(scope.agentId(), new CalendarFingerprint(0, null));
    }

    @Override
    public Set<ZoneId> zonesInUse(AgentScope scope) {
        return own(scope).map(e -> e.data().timezone()).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Test hook: changes a stored event behind the use case's back, as a concurrent request would. */
    public void bumpBehindTheScenes(EventId id) {
        Event e = db.events.get(id);
        db.events.put(id, e.changed(e.data(), e.version() + 1, e.updatedAt()));
        written(e.agentId(), e.updatedAt());
    }

    @Override
    public void saveException(AgentScope scope, EventId id, EventException exception) {
        Event stored = find(scope, id).orElseThrow(() -> new org.agentworkspace.core.domain.NotFound("Event"));
        List<EventException> exceptions = new ArrayList<>(stored.exceptions());
        exceptions.removeIf(e -> e.originalStart().equals(exception.originalStart()));
        exceptions.add(exception);
        db.events.put(id, stored.withExceptions(exceptions));
    }

    @Override
    public boolean removeException(AgentScope scope, EventId id, Instant originalStart) {
        Optional<Event> stored = find(scope, id);
        if (stored.isEmpty()) {
            return false;
        }
        List<EventException> exceptions = new ArrayList<>(stored.get().exceptions());
        boolean removed = exceptions.removeIf(e -> e.originalStart().equals(originalStart));
        db.events.put(id, stored.get().withExceptions(exceptions));
        return removed;
    }

    @Override
    public void discardExceptions(AgentScope scope, EventId id, Instant from) {
        find(scope, id).ifPresent(stored -> {
            List<EventException> exceptions = new ArrayList<>(stored.exceptions());
            exceptions.removeIf(e -> from == null || !e.originalStart().isBefore(from));
            db.events.put(id, stored.withExceptions(exceptions));
        });
    }
}
