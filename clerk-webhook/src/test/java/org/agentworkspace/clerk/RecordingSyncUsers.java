package org.agentworkspace.clerk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.agentworkspace.core.port.in.SyncUsers;
import org.agentworkspace.core.port.in.UserChange;

/** The inbound port as the webhook sees it: records each call and applies each delivery id once. */
final class RecordingSyncUsers implements SyncUsers {

    record Call(String deliveryId, UserChange change) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Set<String> processed = new HashSet<>();

    @Override
    public synchronized Outcome apply(String deliveryId, UserChange change) {
        calls.add(new Call(deliveryId, change));
        if (!processed.add(deliveryId)) {
            return Outcome.DUPLICATE;
        }
        return change instanceof UserChange.Ignore ? Outcome.IGNORED : Outcome.APPLIED;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }
}
