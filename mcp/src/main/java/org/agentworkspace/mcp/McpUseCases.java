package org.agentworkspace.mcp;

import java.util.Objects;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.CreateEvent;
import org.agentworkspace.core.port.in.DeleteDocument;
import org.agentworkspace.core.port.in.DeleteEvent;
import org.agentworkspace.core.port.in.GetAgentProfile;
import org.agentworkspace.core.port.in.GetDocument;
import org.agentworkspace.core.port.in.GetEvent;
import org.agentworkspace.core.port.in.ListDocuments;
import org.agentworkspace.core.port.in.ListEvents;
import org.agentworkspace.core.port.in.RunIdempotently;
import org.agentworkspace.core.port.in.UpdateDocument;
import org.agentworkspace.core.port.in.UpdateEvent;

/**
 * The inbound ports the MCP tools call, and nothing else: tools reach data only through these, the
 * same use cases REST calls. Component names match the accessors of core's use-case factory.
 */
public record McpUseCases(
        GetAgentProfile getAgentProfile,
        ListEvents listEvents,
        GetEvent getEvent,
        CreateEvent createEvent,
        UpdateEvent updateEvent,
        DeleteEvent deleteEvent,
        ListDocuments listDocuments,
        GetDocument getDocument,
        CreateDocument createDocument,
        UpdateDocument updateDocument,
        DeleteDocument deleteDocument,
        RunIdempotently runIdempotently) {
    public McpUseCases {
        Objects.requireNonNull(getAgentProfile, "getAgentProfile");
        Objects.requireNonNull(listEvents, "listEvents");
        Objects.requireNonNull(getEvent, "getEvent");
        Objects.requireNonNull(createEvent, "createEvent");
        Objects.requireNonNull(updateEvent, "updateEvent");
        Objects.requireNonNull(deleteEvent, "deleteEvent");
        Objects.requireNonNull(listDocuments, "listDocuments");
        Objects.requireNonNull(getDocument, "getDocument");
        Objects.requireNonNull(createDocument, "createDocument");
        Objects.requireNonNull(updateDocument, "updateDocument");
        Objects.requireNonNull(deleteDocument, "deleteDocument");
        Objects.requireNonNull(runIdempotently, "runIdempotently");
    }
}
