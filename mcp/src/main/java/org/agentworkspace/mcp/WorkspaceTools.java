package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.port.in.ListChanges;
import org.agentworkspace.core.usecase.UseCases;

/**
 * Every tool the server offers, in the order {@code tools/list} shows them. A tool for a new use case
 * is one {@link WorkspaceTool} class and one line here. Tools take inbound ports only (the same ones
 * REST calls), never a repository.
 */
final class WorkspaceTools {
    private WorkspaceTools() {
    }

    /** @param listChanges the change feed's use case, which core builds apart from {@code u} */
    static List<WorkspaceTool> all(UseCases u, ListChanges listChanges) {
        Writes writes = new Writes(u.runIdempotently());
        return List.of(
                new WhoAmITool(u.getAgentProfile()),
                new ListEventsTool(u.listEvents()),
                new GetEventTool(u.getEvent()),
                new CreateEventTool(u.createEvent(), writes),
                new UpdateEventTool(u.updateEvent(), writes),
                new DeleteEventTool(u.deleteEvent(), writes),
                new ListOccurrencesTool(u.listOccurrences()),
                new UpdateOccurrenceTool(u.overrideOccurrence(), u.splitSeries(), writes),
                new CancelOccurrenceTool(u.cancelOccurrence(), u.endSeries(), writes),
                new GetFreeBusyTool(u.getFreeBusy()),
                new FindFreeSlotsTool(u.findFreeSlots()),
                new ListDocumentsTool(u.listDocuments()),
                new GetDocumentTool(u.getDocument()),
                new CreateDocumentTool(u.createDocument(), writes),
                new UpdateDocumentTool(u.updateDocument(), writes),
                new DeleteDocumentTool(u.deleteDocument(), writes),
                new GetChangesTool(listChanges));
    }
}
