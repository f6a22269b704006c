package org.agentworkspace.core.usecase;

import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.agentworkspace.core.builders.EventInputBuilder.noFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.agentworkspace.core.builders.AgentInputBuilder;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.FeedResponse;
import org.agentworkspace.core.port.in.NewAgent;
import org.junit.jupiter.api.Test;

class ServeFeedTest {
    private final Scenario s = new Scenario();
    private final UserPrincipal alice = s.user("user_alice");
    private final NewAgent atlas = s.agentOf(alice, "Atlas");
    private final AgentPrincipal agent = s.principalOf(atlas);
    private final String agentId = atlas.agent().id().toString();
    private final String token = atlas.subscription().token().reveal();

    private FeedResponse open() {
        return s.ws.useCases.serveFeed().open(agentId, token, "Google-Calendar-Importer");
    }

    private static String body(FeedResponse feed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        feed.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_feed_renders_the_agents_events() throws IOException {
        Event e = s.ws.useCases.createEvent().create(agent, anEvent().withTitle("Standup").withTimezone("Europe/Berlin").build());
        FeedResponse feed = open();
        assertThat(feed.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(feed.etag()).matches("\"[0-9a-f]{64}\"");
        assertThat(body(feed)).contains("calendar Atlas UTC detail=full").contains("zones=Europe/Berlin")
                .contains("event " + e.id() + " Standup v1");
    }

    @Test
    void same_etag_same_bytes_and_any_change_moves_the_etag() throws IOException {
        Event e = s.ws.useCases.createEvent().create(agent, anEvent().build());
        FeedResponse first = open();
        String firstBody = body(first);
        s.ws.clock.advance(Duration.ofHours(1));
        FeedResponse later = open();
        assertThat(later.etag()).isEqualTo(first.etag());
        assertThat(body(later)).isEqualTo(firstBody);
        assertThat(later.lastModified()).isEqualTo(e.updatedAt());

        s.ws.useCases.updateEvent().update(agent, e.id().toString(), noFields().withTitle("Moved").build(), OptionalLong.empty());
        FeedResponse afterEdit = open();
        assertThat(afterEdit.etag()).isNotEqualTo(first.etag());
        assertThat(afterEdit.lastModified()).isEqualTo(s.ws.clock.instant());

        s.ws.clock.advance(Duration.ofMinutes(1));
        s.ws.useCases.updateAgent().update(alice, agentId, AgentInputBuilder.anAgentChange().withName("Atlas II").build());
        assertThat(open().etag()).isNotEqualTo(afterEdit.etag());
    }

    @Test
    void wrong_agent_wrong_token_malformed_and_revoked_are_all_not_found() {
        NewAgent other = s.agentOf(alice, "Other");
        assertThatThrownBy(() -> s.ws.useCases.serveFeed().open(other.agent().id().toString(), token, null))
                .isInstanceOf(NotFound.class).hasMessage("Feed not found");
        assertThatThrownBy(() -> s.ws.useCases.serveFeed().open(agentId, other.subscription().token().reveal(), null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.serveFeed().open("x", token, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.serveFeed().open(agentId, "short", null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.serveFeed().open(AgentId.random().toString(), token, null))
                .isInstanceOf(NotFound.class);
        s.ws.useCases.revokeSubscription().revoke(alice, agentId, atlas.subscription().id().toString());
        assertThatThrownBy(this::open).isInstanceOf(NotFound.class);
    }

    @Test
    void a_fetch_is_recorded_with_a_truncated_user_agent_at_most_once_a_minute() {
        s.ws.useCases.serveFeed().open(agentId, token, "U".repeat(300));
        Subscription sub = s.ws.useCases.listSubscriptions().listForOwner(alice, agentId).get(0);
        assertThat(sub.lastFetchedBy()).hasSize(200);
        assertThat(sub.lastFetchedAt()).isEqualTo(s.ws.clock.instant());
        int writes = s.ws.subscriptions.fetchWrites();
        int calls = s.ws.subscriptions.fetchRecordCalls();
        s.ws.clock.advance(Duration.ofSeconds(30));
        s.ws.useCases.serveFeed().open(agentId, token, "U".repeat(300));
        assertThat(s.ws.subscriptions.fetchWrites()).isEqualTo(writes);
        assertThat(s.ws.subscriptions.fetchRecordCalls()).as("not even tried: the lookup said it is not due")
                .isEqualTo(calls);
        s.ws.clock.advance(Duration.ofSeconds(31));
        s.ws.useCases.serveFeed().open(agentId, token, null);
        assertThat(s.ws.useCases.listSubscriptions().listForOwner(alice, agentId).get(0).lastFetchedBy()).isNull();
    }

    @Test
    void a_suspended_agent_keeps_its_feeds() {
        s.ws.useCases.updateAgent().update(alice, agentId, AgentInputBuilder.anAgentChange().withStatus("suspended").build());
        assertThat(open().etag()).isNotBlank();
    }
}
