package org.agentworkspace.core.usecase;

import java.util.Objects;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.ActAsUser;
import org.agentworkspace.core.port.in.AuthenticateAgent;
import org.agentworkspace.core.port.in.AuthenticateUser;
import org.agentworkspace.core.port.in.CreateAgent;
import org.agentworkspace.core.port.in.CreateApiKey;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.CreateEvent;
import org.agentworkspace.core.port.in.CreateSubscription;
import org.agentworkspace.core.port.in.DeleteAgent;
import org.agentworkspace.core.port.in.DeleteDocument;
import org.agentworkspace.core.port.in.DeleteEvent;
import org.agentworkspace.core.port.in.GetAgent;
import org.agentworkspace.core.port.in.GetAgentProfile;
import org.agentworkspace.core.port.in.GetCurrentUser;
import org.agentworkspace.core.port.in.GetDocument;
import org.agentworkspace.core.port.in.GetEvent;
import org.agentworkspace.core.port.in.ListAgents;
import org.agentworkspace.core.port.in.ListApiKeys;
import org.agentworkspace.core.port.in.ListAuditEntries;
import org.agentworkspace.core.port.in.ListDocuments;
import org.agentworkspace.core.port.in.ListEvents;
import org.agentworkspace.core.port.in.ListSubscriptions;
import org.agentworkspace.core.port.in.RegenerateApiKey;
import org.agentworkspace.core.port.in.RevokeApiKey;
import org.agentworkspace.core.port.in.RevokeSubscription;
import org.agentworkspace.core.port.in.RotateApiKey;
import org.agentworkspace.core.port.in.RotateFeedToken;
import org.agentworkspace.core.port.in.RunIdempotently;
import org.agentworkspace.core.port.in.ServeFeed;
import org.agentworkspace.core.port.in.SyncUsers;
import org.agentworkspace.core.port.in.UpdateAgent;
import org.agentworkspace.core.port.in.UpdateDocument;
import org.agentworkspace.core.port.in.UpdateEvent;

/**
 * The one way to obtain the use cases: built from the outbound ports and settings by plain
 * constructors, one accessor per inbound port. Instances are immutable and thread-safe as long as
 * the ports are.
 */
public final class UseCases {
    private final AuthenticateAgent authenticateAgent;
    private final AuthenticateUser authenticateUser;
    private final GetAgentProfile getAgentProfile;
    private final CreateEvent createEvent;
    private final ListEvents listEvents;
    private final GetEvent getEvent;
    private final UpdateEvent updateEvent;
    private final DeleteEvent deleteEvent;
    private final CreateDocument createDocument;
    private final ListDocuments listDocuments;
    private final GetDocument getDocument;
    private final UpdateDocument updateDocument;
    private final DeleteDocument deleteDocument;
    private final ListSubscriptions listSubscriptions;
    private final RunIdempotently runIdempotently;
    private final GetCurrentUser getCurrentUser;
    private final ListAgents listAgents;
    private final CreateAgent createAgent;
    private final GetAgent getAgent;
    private final UpdateAgent updateAgent;
    private final DeleteAgent deleteAgent;
    private final RegenerateApiKey regenerateApiKey;
    private final CreateSubscription createSubscription;
    private final RotateFeedToken rotateFeedToken;
    private final RevokeSubscription revokeSubscription;
    private final ListAuditEntries listAuditEntries;
    private final SyncUsers syncUsers;
    private final ActAsUser actAsUser;
    private final ServeFeed serveFeed;
    private final ListApiKeys listApiKeys;
    private final CreateApiKey createApiKey;
    private final RevokeApiKey revokeApiKey;
    private final RotateApiKey rotateApiKey;

    private UseCases(Chain chain) {
        StorageClock clock = new StorageClock(chain.settings.clock());
        AuditTrail auditTrail = new AuditTrail(chain.ports.audit(), clock);
        OwnedAgents ownedAgents = new OwnedAgents(chain.ports.transactions(), chain.ports.agents(), chain.ownership);
        authenticateAgent = new AuthenticateAgentService(chain.ports.transactions(), chain.ports.credentials(),
                chain.ownership, auditTrail, clock);
        authenticateUser = new AuthenticateUserService(chain);
        getAgentProfile = new GetAgentProfileService(chain);
        createEvent = new CreateEventService(chain);
        listEvents = new ListEventsService(chain);
        getEvent = new GetEventService(chain);
        updateEvent = new UpdateEventService(chain);
        deleteEvent = new DeleteEventService(chain);
        createDocument = new CreateDocumentService(chain);
        listDocuments = new ListDocumentsService(chain);
        getDocument = new GetDocumentService(chain);
        updateDocument = new UpdateDocumentService(chain);
        deleteDocument = new DeleteDocumentService(chain);
        listSubscriptions = new ListSubscriptionsService(chain);
        runIdempotently = new RunIdempotentlyService(chain);
        getCurrentUser = new GetCurrentUserService(chain);
        listAgents = new ListAgentsService(chain);
        createAgent = new CreateAgentService(chain);
        getAgent = new GetAgentService(chain);
        updateAgent = new UpdateAgentService(chain);
        deleteAgent = new DeleteAgentService(chain);
        regenerateApiKey = new RegenerateApiKeyService(ownedAgents, chain.ports.apiKeys(), auditTrail,
                chain.settings.random(), clock);
        listApiKeys = new ListApiKeysService(ownedAgents, chain.ports.apiKeys());
        createApiKey = new CreateApiKeyService(ownedAgents, chain.ports.apiKeys(), auditTrail,
                chain.settings.random(), clock);
        revokeApiKey = new RevokeApiKeyService(ownedAgents, chain.ports.apiKeys(), auditTrail, clock);
        rotateApiKey = new RotateApiKeyService(ownedAgents, chain.ports.apiKeys(), auditTrail,
                chain.settings.random(), clock);
        createSubscription = new CreateSubscriptionService(chain);
        rotateFeedToken = new RotateFeedTokenService(chain);
        revokeSubscription = new RevokeSubscriptionService(chain);
        listAuditEntries = new ListAuditEntriesService(chain);
        syncUsers = new SyncUsersService(chain);
        actAsUser = new ActAsUserService(chain);
        serveFeed = new ServeFeedService(chain);
    }

    public static UseCases create(Ports ports, Settings settings) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(settings, "settings");
        return new UseCases(new Chain(ports, settings, new Ownership()));
    }

    public AuthenticateAgent authenticateAgent() {
        return authenticateAgent;
    }

    public AuthenticateUser authenticateUser() {
        return authenticateUser;
    }

    public GetAgentProfile getAgentProfile() {
        return getAgentProfile;
    }

    public CreateEvent createEvent() {
        return createEvent;
    }

    public ListEvents listEvents() {
        return listEvents;
    }

    public GetEvent getEvent() {
        return getEvent;
    }

    public UpdateEvent updateEvent() {
        return updateEvent;
    }

    public DeleteEvent deleteEvent() {
        return deleteEvent;
    }

    public CreateDocument createDocument() {
        return createDocument;
    }

    public ListDocuments listDocuments() {
        return listDocuments;
    }

    public GetDocument getDocument() {
        return getDocument;
    }

    public UpdateDocument updateDocument() {
        return updateDocument;
    }

    public DeleteDocument deleteDocument() {
        return deleteDocument;
    }

    public ListSubscriptions listSubscriptions() {
        return listSubscriptions;
    }

    public RunIdempotently runIdempotently() {
        return runIdempotently;
    }

    public GetCurrentUser getCurrentUser() {
        return getCurrentUser;
    }

    public ListAgents listAgents() {
        return listAgents;
    }

    public CreateAgent createAgent() {
        return createAgent;
    }

    public GetAgent getAgent() {
        return getAgent;
    }

    public UpdateAgent updateAgent() {
        return updateAgent;
    }

    public DeleteAgent deleteAgent() {
        return deleteAgent;
    }

    public RegenerateApiKey regenerateApiKey() {
        return regenerateApiKey;
    }

    public CreateSubscription createSubscription() {
        return createSubscription;
    }

    public RotateFeedToken rotateFeedToken() {
        return rotateFeedToken;
    }

    public RevokeSubscription revokeSubscription() {
        return revokeSubscription;
    }

    public ListAuditEntries listAuditEntries() {
        return listAuditEntries;
    }

    public SyncUsers syncUsers() {
        return syncUsers;
    }

    public ActAsUser actAsUser() {
        return actAsUser;
    }

    public ServeFeed serveFeed() {
        return serveFeed;
    }

    public ListApiKeys listApiKeys() {
        return listApiKeys;
    }

    public CreateApiKey createApiKey() {
        return createApiKey;
    }

    public RevokeApiKey revokeApiKey() {
        return revokeApiKey;
    }

    public RotateApiKey rotateApiKey() {
        return rotateApiKey;
    }
}
