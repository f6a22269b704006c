package org.agentworkspace.core.fakes;

import java.time.Instant;
import org.agentworkspace.core.port.out.ProcessedWebhooks;

public final class InMemoryProcessedWebhooks implements ProcessedWebhooks {
    private final InMemoryDatabase db;

    public InMemoryProcessedWebhooks(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public boolean markProcessed(String deliveryId, Instant at) {
        return db.processedWebhooks.add(deliveryId);
    }
}
