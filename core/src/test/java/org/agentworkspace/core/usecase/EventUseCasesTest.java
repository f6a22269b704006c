package org.agentworkspace.core.usecase;

import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.agentworkspace.core.builders.EventInputBuilder.noFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.agentworkspace.core.builders.AgentInputBuilder;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.NewAgent;
import org.junit.jupiter.api.Test;

class EventUseCasesTest {
    private static final OptionalLong NO_IF_MATCH = OptionalLong.empty();
    private final Scenario s = new Scenario();
    private final UserPrincipal alice = s.user("user_alice");
    private final NewAgent atlasAgent = s.agentOf(alice, "Atlas");
    private final AgentPrincipal atlas = s.principalOf(atlasAgent);
    private final AgentPrincipal other = s.principalOf(s.agentOf(alice, "Other"));

    @Test
    void create_stores_version_1_in_one_agent_scoped_transaction() {
        s.ws.transactions.forget();
        Event event = s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("Standup").build());
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.agentId()).isEqualTo(atlas.agentId());
        assertThat(event.createdAt()).isEqualTo(s.ws.clock.instant());
        assertThat(s.ws.useCases.getEvent().get(atlas, event.id().toString())).isEqualTo(event);
        assertThat(s.ws.transactions.outermostScopes()).hasSize(2)
                .first().asString().startsWith("AgentScope[" + atlas.agentId() + ", WRITE");
    }

    @Test
    void invalid_input_is_refused_with_every_issue_and_stores_nothing() {
        assertThatThrownBy(() -> s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("").withColor("red").build()))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.issues()).hasSize(2));
        assertThat(s.ws.db.eventCount()).isZero();
    }

    @Test
    void another_agents_event_is_not_found_for_every_operation() {
        String id = s.ws.useCases.createEvent().create(atlas, anEvent().build()).id().toString();
        assertThatThrownBy(() -> s.ws.useCases.getEvent().get(other, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.updateEvent().update(other, id, noFields().withTitle("x").build(), NO_IF_MATCH))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.deleteEvent().delete(other, id, NO_IF_MATCH)).isInstanceOf(NotFound.class);
        assertThat(s.ws.useCases.listEvents().list(other, EventQuery.defaults())).isEmpty();
        assertThat(s.ws.useCases.getEvent().get(atlas, id).data().title()).isEqualTo("Standup");
    }

    @Test
    void malformed_and_unknown_ids_are_not_found() {
        assertThatThrownBy(() -> s.ws.useCases.getEvent().get(atlas, "123")).isInstanceOf(NotFound.class)
                .hasMessage("Event not found");
        assertThatThrownBy(() -> s.ws.useCases.getEvent().get(atlas, EventId.random().toString())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.deleteEvent().delete(atlas, "../x", NO_IF_MATCH)).isInstanceOf(NotFound.class);
    }

    @Test
    void update_changes_only_sent_fields_and_moves_the_version() {
        Event created = s.ws.useCases.createEvent().create(atlas, anEvent().withDescription("agenda").build());
        s.ws.clock.advance(Duration.ofMinutes(5));
        Event updated = s.ws.useCases.updateEvent().update(atlas, created.id().toString(),
                noFields().withTitle("Retro").build(), NO_IF_MATCH);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.data().title()).isEqualTo("Retro");
        assertThat(updated.data().description()).isEqualTo("agenda");
        assertThat(updated.data().start()).isEqualTo(created.data().start());
        assertThat(updated.updatedAt()).isEqualTo(created.updatedAt().plus(Duration.ofMinutes(5)));
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(s.ws.useCases.getEvent().get(atlas, created.id().toString())).isEqualTo(updated);
    }

    @Test
    void update_validates_the_merged_event() {
        Event created = s.ws.useCases.createEvent().create(atlas, anEvent().build());
        assertThatThrownBy(() -> s.ws.useCases.updateEvent().update(atlas, created.id().toString(),
                noFields().withEnd("2026-01-15T08:00:00Z").build(), NO_IF_MATCH))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.issues()).extracting(i -> i.message()).containsExactly("end must not be before start"));
        assertThat(s.ws.useCases.getEvent().get(atlas, created.id().toString()).version()).isEqualTo(1);
    }

    @Test
    void if_match_must_name_the_current_version() {
        Event created = s.ws.useCases.createEvent().create(atlas, anEvent().build());
        String id = created.id().toString();
        assertThatThrownBy(() -> s.ws.useCases.updateEvent().update(atlas, id, noFields().withTitle("x").build(),
                OptionalLong.of(2))).isInstanceOf(PreconditionFailed.class);
        assertThat(s.ws.useCases.updateEvent().update(atlas, id, noFields().withTitle("x").build(), OptionalLong.of(1))
                .version()).isEqualTo(2);
        assertThatThrownBy(() -> s.ws.useCases.deleteEvent().delete(atlas, id, OptionalLong.of(1)))
                .isInstanceOf(PreconditionFailed.class);
        s.ws.useCases.deleteEvent().delete(atlas, id, OptionalLong.of(2));
        assertThatThrownBy(() -> s.ws.useCases.getEvent().get(atlas, id)).isInstanceOf(NotFound.class);
    }

    @Test
    void a_lost_race_without_if_match_is_retried_once_on_the_fresh_event() {
        Event created = s.ws.useCases.createEvent().create(atlas, anEvent().build());
        RacingEvents racing = new RacingEvents(s.ws.events, 1);
        UseCases useCases = UseCases.create(withEvents(racing), s.ws.settings);
        Event updated = useCases.updateEvent().update(atlas, created.id().toString(), noFields().withTitle("x").build(),
                NO_IF_MATCH);
        assertThat(updated.version()).isEqualTo(3);
        assertThat(updated.data().title()).isEqualTo("x");
    }

    @Test
    void a_lost_race_with_if_match_or_twice_without_is_a_failed_precondition() {
        Event created = s.ws.useCases.createEvent().create(atlas, anEvent().build());
        UseCases once = UseCases.create(withEvents(new RacingEvents(s.ws.events, 1)), s.ws.settings);
        assertThatThrownBy(() -> once.updateEvent().update(atlas, created.id().toString(),
                noFields().withTitle("x").build(), OptionalLong.of(1))).isInstanceOf(PreconditionFailed.class);
        UseCases twice = UseCases.create(withEvents(new RacingEvents(s.ws.events, 2)), s.ws.settings);
        assertThatThrownBy(() -> twice.updateEvent().update(atlas, created.id().toString(),
                noFields().withTitle("x").build(), NO_IF_MATCH)).isInstanceOf(PreconditionFailed.class);
    }

    @Test
    void a_read_only_agent_reads_but_cannot_write() {
        Event created = s.ws.useCases.createEvent().create(atlas, anEvent().build());
        s.ws.useCases.updateAgent().update(alice, atlasAgent.agent().id().toString(),
                AgentInputBuilder.anAgentChange().withStatus("read_only").build());
        AgentPrincipal readOnly = s.principalOf(atlasAgent);
        assertThat(s.ws.useCases.getEvent().get(readOnly, created.id().toString())).isEqualTo(created);
        assertThatThrownBy(() -> s.ws.useCases.createEvent().create(readOnly, anEvent().build()))
                .isInstanceOf(AgentNotWritable.class);
        assertThatThrownBy(() -> s.ws.useCases.deleteEvent().delete(readOnly, created.id().toString(), NO_IF_MATCH))
                .isInstanceOf(AgentNotWritable.class);
    }

    @Test
    void list_is_ordered_by_start_windowed_and_paged() {
        Event late = s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("late")
                .withStart("2026-01-17T09:00:00Z").withEnd("2026-01-17T10:00:00Z").build());
        Event early = s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("early")
                .withStart("2026-01-15T09:00:00Z").withEnd("2026-01-15T10:00:00Z").build());
        Event middle = s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("middle")
                .withStart("2026-01-16T09:00:00Z").withEnd("2026-01-16T10:00:00Z").build());
        assertThat(s.ws.useCases.listEvents().list(atlas, EventQuery.defaults())).containsExactly(early, middle, late);
        assertThat(s.ws.useCases.listEvents().list(atlas,
                new EventQuery("2026-01-16T09:00:00Z", "2026-01-17T09:00:00Z", null, null, null))).containsExactly(middle);
        assertThat(s.ws.useCases.listEvents().list(atlas, new EventQuery(null, null, "1", "1", null))).containsExactly(middle);
        assertThat(s.ws.useCases.listEvents().listForOwner(alice, atlasAgent.agent().id().toString(), EventQuery.defaults()))
                .containsExactly(early, middle, late);
        assertThatThrownBy(() -> s.ws.useCases.listEvents().list(atlas, new EventQuery(null, null, "0", null, null)))
                .isInstanceOf(ValidationFailed.class);
    }

    private org.agentworkspace.core.usecase.Ports withEvents(org.agentworkspace.core.port.out.EventRepository events) {
        Ports p = s.ws.ports();
        return new Ports(p.transactions(), p.credentials(), p.users(), p.agents(), events, p.documents(),
                p.subscriptions(), p.apiKeys(), p.audit(), p.idempotency(), p.processedWebhooks(), p.recurrence(),
                p.feedRenderer(), p.sessions());
    }

    /** The in-memory repository, with a concurrent writer that wins the first {@code races} updates. */
    private static final class RacingEvents implements org.agentworkspace.core.port.out.EventRepository {
        private final org.agentworkspace.core.fakes.InMemoryEventRepository real;
        private int races;

        RacingEvents(org.agentworkspace.core.fakes.InMemoryEventRepository real, int races) {
            this.real = real;
            this.races = races;
        }

        @Override
        public boolean update(org.agentworkspace.core.ownership.AgentScope scope, Event event, long expectedVersion,
                              org.agentworkspace.core.port.out.StartBounds bounds) {
            if (races-- > 0) {
                real.bumpBehindTheScenes(event.id());
            }
            return real.update(scope, event, expectedVersion, bounds);
        }

        @Override
        public void insert(org.agentworkspace.core.ownership.AgentScope scope, Event event,
                           org.agentworkspace.core.port.out.StartBounds bounds) {
            real.insert(scope, event, bounds);
        }

        @Override
        public java.util.Optional<Event> find(org.agentworkspace.core.ownership.AgentScope scope, EventId id) {
            return real.find(scope, id);
        }

        @Override
        public List<Event> list(org.agentworkspace.core.ownership.AgentScope scope,
                                org.agentworkspace.core.port.out.EventWindow window) {
            return real.list(scope, window);
        }

        @Override
        public List<Event> candidatesForExpansion(org.agentworkspace.core.ownership.AgentScope scope, Instant from,
                                                  Instant before) {
            return real.candidatesForExpansion(scope, from, before);
        }

        @Override
        public boolean delete(org.agentworkspace.core.ownership.AgentScope scope, EventId id) {
            return real.delete(scope, id);
        }

        @Override
        public void forEach(org.agentworkspace.core.ownership.AgentScope scope, java.util.function.Consumer<Event> sink) {
            real.forEach(scope, sink);
        }

        @Override
        public org.agentworkspace.core.port.out.CalendarFingerprint fingerprint(
                org.agentworkspace.core.ownership.AgentScope scope) {
            return real.fingerprint(scope);
        }

        @Override
        public java.util.Set<java.time.ZoneId> zonesInUse(org.agentworkspace.core.ownership.AgentScope scope) {
            return real.zonesInUse(scope);
        }

        @Override
        public void saveException(org.agentworkspace.core.ownership.AgentScope scope, EventId id,
                                  org.agentworkspace.core.domain.EventException exception) {
            real.saveException(scope, id, exception);
        }

        @Override
        public boolean removeException(org.agentworkspace.core.ownership.AgentScope scope, EventId id,
                                       Instant originalStart) {
            return real.removeException(scope, id, originalStart);
        }

        @Override
        public void discardExceptions(org.agentworkspace.core.ownership.AgentScope scope, EventId id, Instant from) {
            real.discardExceptions(scope, id, from);
        }
    }
}
