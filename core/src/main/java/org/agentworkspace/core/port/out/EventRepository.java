package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.ownership.AgentScope;

/**
 * Events of the scope's agent, each series with its exceptions (ordered by original start): every
 * read answers them with the event. No method reaches an event or exception of any other agent.
 */
public interface EventRepository {

    /**
     * Stores {@code event} with the bounds of its occurrences' starts, by which windows skip a
     * series ({@link #candidatesForExpansion}).
     */
    void insert(AgentScope scope, Event event, StartBounds bounds);

    /** {@link #insert(AgentScope, Event, StartBounds)} of an event whose bounds are not known: unbounded. */
    default void insert(AgentScope scope, Event event) {
        insert(scope, event, StartBounds.UNBOUNDED);
    }

    Optional<Event> find(AgentScope scope, EventId id);

    /** Stored events (series by their first start) inside the window, ordered by start then id. */
    List<Event> list(AgentScope scope, EventWindow window);

    /**
     * Every event that may have an occurrence starting in [{@code from}, {@code before}):
     * non-recurring events starting in the window, and recurring series starting in it or whose
     * stored {@link StartBounds} (as last written) reach it. A series that ended before the window,
     * or only begins after it, is not read at all.
     */
    List<Event> candidatesForExpansion(AgentScope scope, Instant from, Instant before);

    /**
     * Writes {@code event} (data, version, updatedAt) and its {@code bounds} (see
     * {@link #insert(AgentScope, Event, StartBounds)}) only if the stored version is still
     * {@code expectedVersion}; false when it is not (changed meanwhile) or the event is gone.
     */
    boolean update(AgentScope scope, Event event, long expectedVersion, StartBounds bounds);

    /** {@link #update(AgentScope, Event, long, StartBounds)} of an event whose bounds are not known: unbounded. */
    default boolean update(AgentScope scope, Event event, long expectedVersion) {
        return update(scope, event, expectedVersion, StartBounds.UNBOUNDED);
    }

    /** False when the event is absent. */
    boolean delete(AgentScope scope, EventId id);

    /** Streams every event in start order without holding them all in memory. */
    void forEach(AgentScope scope, Consumer<Event> sink);

    CalendarFingerprint fingerprint(AgentScope scope);

    /** The distinct non-null event time zones of the calendar. */
    Set<ZoneId> zonesInUse(AgentScope scope);

    /**
     * Stores {@code exception} for the occurrence of series {@code id} at its original start,
     * replacing any exception stored for that occurrence. The caller holds the series (it wrote
     * its version in the same transaction); an absent series is {@code NotFound}.
     */
    void saveException(AgentScope scope, EventId id, EventException exception);

    /** Removes the exception of the occurrence at {@code originalStart}; false when there was none. */
    boolean removeException(AgentScope scope, EventId id, Instant originalStart);

    /** Removes the exceptions of series {@code id} whose original start is at or after {@code from} (every one for {@code null}). */
    void discardExceptions(AgentScope scope, EventId id, Instant from);
}
