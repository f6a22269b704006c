package org.agentworkspace.http;

import java.util.List;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ActAsUser;
import org.agentworkspace.core.port.in.AuthenticateAgent;
import org.agentworkspace.core.port.in.AuthenticateUser;
import org.agentworkspace.core.port.in.CreateAgent;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.CreateEvent;
import org.agentworkspace.core.port.in.CreateSubscription;
import org.agentworkspace.core.port.in.DeleteAgent;
import org.agentworkspace.core.port.in.DeleteDocument;
import org.agentworkspace.core.port.in.DeleteEvent;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.GetAgent;
import org.agentworkspace.core.port.in.GetAgentProfile;
import org.agentworkspace.core.port.in.GetCurrentUser;
import org.agentworkspace.core.port.in.GetDocument;
import org.agentworkspace.core.port.in.GetEvent;
import org.agentworkspace.core.port.in.ListAgents;
import org.agentworkspace.core.port.in.ListAuditEntries;
import org.agentworkspace.core.port.in.ListDocuments;
import org.agentworkspace.core.port.in.ListEvents;
import org.agentworkspace.core.port.in.ListSubscriptions;
import org.agentworkspace.core.port.in.RegenerateApiKey;
import org.agentworkspace.core.port.in.RevokeSubscription;
import org.agentworkspace.core.port.in.RotateFeedToken;
import org.agentworkspace.core.port.in.RunIdempotently;
import org.agentworkspace.core.port.in.ServeFeed;
import org.agentworkspace.core.port.in.UpdateAgent;
import org.agentworkspace.core.port.in.UpdateDocument;
import org.agentworkspace.core.port.in.UpdateEvent;
import org.agentworkspace.core.usecase.UseCases;

/**
 * Test doubles of the inbound ports (never of repositories): each field is swapped by a test, and
 * the built {@link UseCases} delegates to the field current at call time, so one server
 * serves every test of a class. Unset use cases fail the test if called.
 */
final class StubUseCases {
    /** Well-formed (shape and checksum): anything else is refused by the filter before any use case. */
    static final String AGENT_KEY = org.agentworkspace.core.domain.ApiKey.generate(new java.security.SecureRandom()).reveal();
    static final String USER_TOKEN = "session_good";
    /** The principals come from the real chain (on in-memory ports): nothing here can mint one. */
    private static final Scenario CHAIN = new Scenario();
    static final UserPrincipal USER = CHAIN.user("user_1");
    static final AgentPrincipal AGENT = anotherAgent();

    AuthenticateAgent authenticateAgent;
    AuthenticateUser authenticateUser;
    GetAgentProfile getAgentProfile;
    ListEventsStub listEvents;
    CreateEvent createEvent;
    GetEvent getEvent;
    UpdateEvent updateEvent;
    DeleteEvent deleteEvent;
    DocumentLister listDocuments;
    CreateDocument createDocument;
    DocumentGetter getDocument;
    UpdateDocument updateDocument;
    DeleteDocument deleteDocument;
    ListSubscriptionsStub listSubscriptions;
    RunIdempotently runIdempotently;
    GetCurrentUser getCurrentUser;
    ListAgents listAgents;
    CreateAgent createAgent;
    GetAgent getAgent;
    UpdateAgent updateAgent;
    DeleteAgent deleteAgent;
    RegenerateApiKey regenerateApiKey;
    CreateSubscription createSubscription;
    RotateFeedToken rotateFeedToken;
    RevokeSubscription revokeSubscription;
    ListAuditEntries listAuditEntries;
    ServeFeed serveFeed;

    /** Both of ListEvents' methods in one lambda-friendly shape. */
    interface ListEventsStub {
        List<Event> list(Object principal, String agentId, EventQuery query);
    }

    interface ListSubscriptionsStub {
        List<Subscription> list(Object principal, String agentId);
    }

    StubUseCases() {
        reset();
    }

    void reset() {
        authenticateAgent = key -> {
            if (AGENT_KEY.equals(key)) {
                return AGENT;
            }
            throw new Unauthenticated();
        };
        authenticateUser = token -> {
            if (USER_TOKEN.equals(token)) {
                return USER;
            }
            throw new Unauthenticated();
        };
        getAgentProfile = a -> unexpected();
        listEvents = (p, id, q) -> unexpected();
        createEvent = (a, i) -> unexpected();
        getEvent = (a, id) -> unexpected();
        updateEvent = (a, id, i, v) -> unexpected();
        deleteEvent = (a, id, v) -> unexpected();
        listDocuments = (a, c) -> unexpected();
        createDocument = (a, i) -> unexpected();
        getDocument = (a, id) -> unexpected();
        updateDocument = (a, id, i, v) -> unexpected();
        deleteDocument = (a, id, v) -> unexpected();
        listSubscriptions = (p, id) -> unexpected();
        runIdempotently = (a, n, r, w) -> unexpected();
        getCurrentUser = u -> unexpected();
        listAgents = u -> unexpected();
        createAgent = (u, i) -> unexpected();
        getAgent = (u, id) -> unexpected();
        updateAgent = (u, id, i) -> unexpected();
        deleteAgent = (u, id) -> unexpected();
        regenerateApiKey = (u, id) -> unexpected();
        createSubscription = (u, id, i) -> unexpected();
        rotateFeedToken = (u, a, s) -> unexpected();
        revokeSubscription = (u, a, s) -> unexpected();
        listAuditEntries = (u, a, p) -> unexpected();
        serveFeed = (a, t, ua) -> unexpected();
    }

    /** The agent's side of {@link ListDocuments}, as a lambda. */
    interface DocumentLister {
        List<Document> list(AgentPrincipal agent, boolean withContent);
    }

    /** The agent's side of {@link GetDocument}, as a lambda. */
    interface DocumentGetter {
        Document get(AgentPrincipal agent, String id);
    }

    /** A further agent of {@link #USER}, authenticated with its real key. */
    static AgentPrincipal anotherAgent() {
        return CHAIN.principalOf(CHAIN.agentOf(USER, "Atlas"));
    }

    static <T> T unexpected() {
        throw new AssertionError("unexpected use-case call");
    }

    UseCases build() {
        return new UseCases(
                k -> authenticateAgent.authenticate(k),
                t -> authenticateUser.authenticate(t),
                a -> getAgentProfile.me(a),
                new ListEvents() {
                    @Override
                    public List<Event> list(AgentPrincipal agent, EventQuery query) {
                        return listEvents.list(agent, null, query);
                    }

                    @Override
                    public List<Event> listForOwner(UserPrincipal user, String agentId, EventQuery query) {
                        return listEvents.list(user, agentId, query);
                    }
                },
                (a, i) -> createEvent.create(a, i),
                (a, id) -> getEvent.get(a, id),
                (a, id, i, v) -> updateEvent.update(a, id, i, v),
                (a, id, v) -> deleteEvent.delete(a, id, v),
                new ListDocuments() {
                    @Override
                    public List<Document> list(AgentPrincipal agent, boolean withContent) {
                        return listDocuments.list(agent, withContent);
                    }

                    @Override
                    public List<Document> listForOwner(UserPrincipal user, String agentId, boolean withContent) {
                        return unexpected();
                    }
                },
                (a, i) -> createDocument.create(a, i),
                new GetDocument() {
                    @Override
                    public Document get(AgentPrincipal agent, String id) {
                        return getDocument.get(agent, id);
                    }

                    @Override
                    public Document getForOwner(UserPrincipal user, String agentId, String id) {
                        return unexpected();
                    }
                },
                (a, id, i, v) -> updateDocument.update(a, id, i, v),
                (a, id, v) -> deleteDocument.delete(a, id, v),
                new ListSubscriptions() {
                    @Override
                    public List<Subscription> list(AgentPrincipal agent) {
                        return listSubscriptions.list(agent, null);
                    }

                    @Override
                    public List<Subscription> listForOwner(UserPrincipal user, String agentId) {
                        return listSubscriptions.list(user, agentId);
                    }
                },
                (a, n, r, w) -> runIdempotently.run(a, n, r, w),
                u -> getCurrentUser.me(u),
                u -> listAgents.list(u),
                (u, i) -> createAgent.create(u, i),
                (u, id) -> getAgent.get(u, id),
                (u, id, i) -> updateAgent.update(u, id, i),
                (u, id) -> deleteAgent.delete(u, id),
                (u, id) -> regenerateApiKey.regenerate(u, id),
                (u, id, i) -> createSubscription.create(u, id, i),
                (u, a, s) -> rotateFeedToken.rotate(u, a, s),
                (u, a, s) -> revokeSubscription.revoke(u, a, s),
                (u, a, p) -> listAuditEntries.list(u, a, p),
                (d, c) -> unexpected(),
                new ActAsUser() {
                    @Override
                    public UserPrincipal addUser(UserProfile profile) {
                        return unexpected();
                    }

                    @Override
                    public UserPrincipal actAs(String userId) {
                        return unexpected();
                    }

                    @Override
                    public UserPrincipal actAsOwnerOf(String agentId) {
                        return unexpected();
                    }
                },
                (a, t, ua) -> serveFeed.open(a, t, ua),
                (a, id, q) -> unexpected(),
                (a, id, o) -> unexpected(),
                (a, id, o, i, v) -> unexpected(),
                (a, id, o, v) -> unexpected(),
                (a, id, o, i, v) -> unexpected(),
                (a, id, o, v) -> unexpected(),
                (a, after, before) -> unexpected(),
                (u, a) -> unexpected(),
                (u, a, i) -> unexpected(),
                (u, a, k, g) -> unexpected(),
                (u, a, k) -> unexpected());
    }
}
