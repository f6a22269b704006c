package org.agentworkspace.core.usecase;

import java.time.Clock;
import java.util.List;
import org.agentworkspace.core.domain.Change;
import org.agentworkspace.core.domain.ChangePosition;
import org.agentworkspace.core.domain.ChangedObject;
import org.agentworkspace.core.domain.ChangesPage;
import org.agentworkspace.core.domain.CursorExpired;
import org.agentworkspace.core.domain.QueryRules;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.ListChanges;
import org.agentworkspace.core.port.out.ChangeRepository;
import org.agentworkspace.core.port.out.Transactions;

final class ListChangesService implements ListChanges {
    private final Ownership ownership;
    private final Transactions transactions;
    private final ChangeRepository changes;
    private final SyncCursors cursors;
    private final Clock clock;

    ListChangesService(Ownership ownership, Transactions transactions, ChangeRepository changes, SyncCursors cursors,
                       Clock clock) {
        this.ownership = ownership;
        this.transactions = transactions;
        this.changes = changes;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    public ChangesPage list(AgentPrincipal agent, String cursor, String limit) {
        AgentScope scope = ownership.scopeForAny(agent, Scope.EVENTS_READ, Scope.DOCS_READ);
        int pageSize = QueryRules.page(limit, null, QueryRules.DEFAULT_EVENT_LIMIT).limit();
        java.time.Instant now = clock.instant();
        SyncCursors.Cursor from = cursor == null ? null
                : cursors.open(scope.agentId(), cursor, now).orElseThrow(CursorExpired::new);
        return transactions.inTransaction(scope, () -> {
            // A full sync leaves out deletions older than itself: the agent never saw those objects.
            long deletionsFrom = from == null ? changes.horizon(scope) : from.deletionsFrom();
            ChangePosition after = from == null ? ChangePosition.START : from.position();
            List<Change> found = changes.page(scope, after, deletionsFrom, pageSize + 1);
            boolean hasMore = found.size() > pageSize;
            List<Change> page = hasMore ? found.subList(0, pageSize) : found;
            ChangePosition next = page.isEmpty() ? after : page.get(page.size() - 1).position();
            String nextCursor = cursors.seal(scope.agentId(), new SyncCursors.Cursor(next, deletionsFrom, now));
            // The cursor moves past everything read, shown or not, so a key with one of the two
            // scopes never sees the other type and never rereads what it skipped.
            return new ChangesPage(visibleTo(scope, page), nextCursor, hasMore);
        });
    }

    private static List<Change> visibleTo(AgentScope scope, List<Change> page) {
        boolean events = scope.permits(Scope.EVENTS_READ);
        boolean documents = scope.permits(Scope.DOCS_READ);
        if (events && documents) {
            return page;
        }
        return page.stream()
                .filter(change -> change.type() == ChangedObject.EVENT ? events : documents)
                .toList();
    }
}
