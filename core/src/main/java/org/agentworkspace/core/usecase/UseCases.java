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
import org.agentworkspace.core.port.in.ListOccurrences;
import org.agentworkspace.core.port.in.GetOccurrence;
import org.agentworkspace.core.port.in.OverrideOccurrence;
import org.agentworkspace.core.port.in.CancelOccurrence;
import org.agentworkspace.core.port.in.SplitSeries;
import org.agentworkspace.core.port.in.EndSeries;
import org.agentworkspace.core.port.in.GetFreeBusy;
import org.agentworkspace.core.port.in.FindFreeSlots;
import org.agentworkspace.core.port.out.Transactions;

/**
 * The use cases, listed once: one component per inbound port. {@link #create} builds the real
 * services from the outbound ports and settings by plain constructors, each service given only
 * the ports, settings and ownership checks it uses; tests of an adapter may pass doubles of the
 * inbound ports instead. Instances are immutable and thread-safe as long as the ports are.
 */
public record UseCases(
        AuthenticateAgent authenticateAgent,
        AuthenticateUser authenticateUser,
        GetAgentProfile getAgentProfile,
        ListEvents listEvents,
        CreateEvent createEvent,
        GetEvent getEvent,
        UpdateEvent updateEvent,
        DeleteEvent deleteEvent,
        ListDocuments listDocuments,
        CreateDocument createDocument,
        GetDocument getDocument,
        UpdateDocument updateDocument,
        DeleteDocument deleteDocument,
        ListSubscriptions listSubscriptions,
        RunIdempotently runIdempotently,
        GetCurrentUser getCurrentUser,
        ListAgents listAgents,
        CreateAgent createAgent,
        GetAgent getAgent,
        UpdateAgent updateAgent,
        DeleteAgent deleteAgent,
        RegenerateApiKey regenerateApiKey,
        CreateSubscription createSubscription,
        RotateFeedToken rotateFeedToken,
        RevokeSubscription revokeSubscription,
        ListAuditEntries listAuditEntries,
        SyncUsers syncUsers,
        ActAsUser actAsUser,
        ServeFeed serveFeed,
        ListOccurrences listOccurrences,
        GetOccurrence getOccurrence,
        OverrideOccurrence overrideOccurrence,
        CancelOccurrence cancelOccurrence,
        SplitSeries splitSeries,
        EndSeries endSeries,
        GetFreeBusy getFreeBusy,
        ListApiKeys listApiKeys,
        CreateApiKey createApiKey,
        RotateApiKey rotateApiKey,
        RevokeApiKey revokeApiKey) {
    public UseCases {
        Objects.requireNonNull(authenticateAgent, "authenticateAgent");
        Objects.requireNonNull(authenticateUser, "authenticateUser");
        Objects.requireNonNull(getAgentProfile, "getAgentProfile");
        Objects.requireNonNull(listEvents, "listEvents");
        Objects.requireNonNull(createEvent, "createEvent");
        Objects.requireNonNull(getEvent, "getEvent");
        Objects.requireNonNull(updateEvent, "updateEvent");
        Objects.requireNonNull(deleteEvent, "deleteEvent");
        Objects.requireNonNull(listDocuments, "listDocuments");
        Objects.requireNonNull(createDocument, "createDocument");
        Objects.requireNonNull(getDocument, "getDocument");
        Objects.requireNonNull(updateDocument, "updateDocument");
        Objects.requireNonNull(deleteDocument, "deleteDocument");
        Objects.requireNonNull(listSubscriptions, "listSubscriptions");
        Objects.requireNonNull(runIdempotently, "runIdempotently");
        Objects.requireNonNull(getCurrentUser, "getCurrentUser");
        Objects.requireNonNull(listAgents, "listAgents");
        Objects.requireNonNull(createAgent, "createAgent");
        Objects.requireNonNull(getAgent, "getAgent");
        Objects.requireNonNull(updateAgent, "updateAgent");
        Objects.requireNonNull(deleteAgent, "deleteAgent");
        Objects.requireNonNull(regenerateApiKey, "regenerateApiKey");
        Objects.requireNonNull(createSubscription, "createSubscription");
        Objects.requireNonNull(rotateFeedToken, "rotateFeedToken");
        Objects.requireNonNull(revokeSubscription, "revokeSubscription");
        Objects.requireNonNull(listAuditEntries, "listAuditEntries");
        Objects.requireNonNull(syncUsers, "syncUsers");
        Objects.requireNonNull(actAsUser, "actAsUser");
        Objects.requireNonNull(serveFeed, "serveFeed");
        Objects.requireNonNull(listOccurrences, "listOccurrences");
        Objects.requireNonNull(getOccurrence, "getOccurrence");
        Objects.requireNonNull(overrideOccurrence, "overrideOccurrence");
        Objects.requireNonNull(cancelOccurrence, "cancelOccurrence");
        Objects.requireNonNull(splitSeries, "splitSeries");
        Objects.requireNonNull(endSeries, "endSeries");
        Objects.requireNonNull(getFreeBusy, "getFreeBusy");
        Objects.requireNonNull(listApiKeys, "listApiKeys");
        Objects.requireNonNull(createApiKey, "createApiKey");
        Objects.requireNonNull(rotateApiKey, "rotateApiKey");
        Objects.requireNonNull(revokeApiKey, "revokeApiKey");
    }

    /**
     * Free slots of at least a given length, computed from {@link #getFreeBusy()}: whatever serves
     * free/busy (the real service or an adapter test's double) decides the busy time, so every
     * adapter's free slots agree with its free/busy.
     */
    public FindFreeSlots findFreeSlots() {
        return new FindFreeSlotsService(getFreeBusy, new Ownership());
    }

    public static UseCases create(Ports ports, Settings settings) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(settings, "settings");
        Ownership ownership = new Ownership();
        StorageClock clock = new StorageClock(settings.clock());
        Transactions tx = ports.transactions();
        OwnedAgents owned = new OwnedAgents(tx, ports.agents(), ownership);
        AuditTrail audit = new AuditTrail(ports.audit(), clock);
        FeedReads feeds = new FeedReads(tx, ports.agents(), ports.events(), ports.feedRenderer(),
                settings.feedRefreshInterval());
        SeriesExpansion expansion = new SeriesExpansion(ports.recurrence());
        SeriesBounds bounds = new SeriesBounds(ports.recurrence());
        SeriesWrites series = new SeriesWrites(tx, ownership, ports.events(), ports.agents(), expansion, clock,
                bounds);
        return new UseCases(
                new AuthenticateAgentService(tx, ports.credentials(), ownership, audit, clock),
                new AuthenticateUserService(ports.sessions(), tx, ports.users(), ownership, clock),
                new GetAgentProfileService(tx, ports.agents(), ownership),
                new ListEventsService(tx, ports.events(), ports.agents(), ports.recurrence(), ownership, owned),
                new CreateEventService(tx, ports.events(), ownership, clock, bounds),
                new GetEventService(tx, ports.events(), ownership),
                new UpdateEventService(tx, ports.events(), ownership, clock, bounds),
                new DeleteEventService(tx, ports.events(), ownership),
                new ListDocumentsService(tx, ports.documents(), ownership, owned),
                new CreateDocumentService(tx, ports.documents(), ownership, clock),
                new GetDocumentService(tx, ports.documents(), ownership, owned),
                new UpdateDocumentService(tx, ports.documents(), ownership, clock),
                new DeleteDocumentService(tx, ports.documents(), ownership),
                new ListSubscriptionsService(tx, ports.subscriptions(), ownership, owned),
                new RunIdempotentlyService(tx, ports.idempotency(), ownership, clock, settings.idempotencyTtl()),
                new GetCurrentUserService(tx, ports.users(), ownership),
                new ListAgentsService(tx, ports.agents(), ownership),
                new CreateAgentService(tx, ports.agents(), ports.apiKeys(), ports.subscriptions(), audit, ownership,
                        settings.random(), clock),
                new GetAgentService(owned),
                new UpdateAgentService(owned, ports.agents(), audit, clock),
                new DeleteAgentService(owned, ports.agents()),
                new RegenerateApiKeyService(owned, ports.apiKeys(), audit, settings.random(), clock),
                new CreateSubscriptionService(owned, ports.subscriptions(), audit, settings.random(), clock),
                new RotateFeedTokenService(owned, ports.subscriptions(), audit, settings.random()),
                new RevokeSubscriptionService(owned, ports.subscriptions(), audit),
                new ListAuditEntriesService(owned, ports.audit()),
                new SyncUsersService(tx, ports.processedWebhooks(), ports.users(), clock),
                new ActAsUserService(tx, ports.users(), ownership, clock),
                new ServeFeedService(feeds, ports.credentials(), ports.subscriptions(), ownership, clock),
                new ListOccurrencesService(tx, series, ownership),
                new GetOccurrenceService(tx, series, ownership),
                new OverrideOccurrenceService(ports.events(), series),
                new CancelOccurrenceService(ports.events(), series),
                new SplitSeriesService(series),
                new EndSeriesService(series),
                new GetFreeBusyService(tx, ports.events(), ports.agents(), expansion, ownership),
                new ListApiKeysService(owned, ports.apiKeys()),
                new CreateApiKeyService(owned, ports.apiKeys(), audit, settings.random(), clock),
                new RotateApiKeyService(owned, ports.apiKeys(), audit, settings.random(), clock),
                new RevokeApiKeyService(owned, ports.apiKeys(), audit, clock));
    }
}
