package org.agentworkspace.http;

import java.util.Objects;
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
import org.agentworkspace.core.port.in.UpdateAgent;
import org.agentworkspace.core.port.in.UpdateDocument;
import org.agentworkspace.core.port.in.UpdateEvent;

/**
 * The inbound ports the HTTP layer calls, and nothing else: resources reach data only through
 * these. Component names match the accessors of core's {@code UseCases} factory, so the app
 * passes them one for one.
 */
public record HttpUseCases(
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
        ServeFeed serveFeed,
        ListApiKeys listApiKeys,
        CreateApiKey createApiKey,
        RotateApiKey rotateApiKey,
        RevokeApiKey revokeApiKey) {
    public HttpUseCases {
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
        Objects.requireNonNull(serveFeed, "serveFeed");
        Objects.requireNonNull(listApiKeys, "listApiKeys");
        Objects.requireNonNull(createApiKey, "createApiKey");
        Objects.requireNonNull(rotateApiKey, "rotateApiKey");
        Objects.requireNonNull(revokeApiKey, "revokeApiKey");
    }
}
