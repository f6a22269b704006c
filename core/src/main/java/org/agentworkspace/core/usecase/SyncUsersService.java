package org.agentworkspace.core.usecase;

import java.time.Instant;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.port.in.SyncUsers;
import org.agentworkspace.core.port.in.UserChange;

final class SyncUsersService implements SyncUsers {
    private final Chain chain;

    SyncUsersService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Outcome apply(String deliveryId, UserChange change) {
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new WebhookRejected("Webhook delivery has no id");
        }
        if (change instanceof UserChange.Upsert upsert && Text.nulFieldOf(upsert.profile()) != null) {
            // A 400 that says why: PostgreSQL's refusal was a 500, which Svix retries forever.
            throw new WebhookRejected("Webhook user " + Text.nulMessage(Text.nulFieldOf(upsert.profile())));
        }
        return chain.ports.transactions().inTransaction(() -> {
            Instant now = chain.now();
            // Marked in the same transaction as the change: a failed apply leaves it unmarked for the retry.
            if (!chain.ports.processedWebhooks().markProcessed(deliveryId, now)) {
                return Outcome.DUPLICATE;
            }
            if (change instanceof UserChange.Upsert upsert) {
                // Clerk never reuses a user id, and Svix does not promise order: a user.updated that
                // arrives after user.deleted must not bring the account back.
                if (chain.ports.users().isTombstoned(upsert.profile().id())) {
                    return Outcome.IGNORED;
                }
                chain.ports.users().upsert(upsert.profile(), now);
                return Outcome.APPLIED;
            }
            if (change instanceof UserChange.Delete delete) {
                chain.ports.users().delete(delete.userId(), now);
                return Outcome.APPLIED;
            }
            return Outcome.IGNORED;
        });
    }
}
