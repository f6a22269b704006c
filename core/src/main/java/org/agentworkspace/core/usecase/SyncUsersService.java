package org.agentworkspace.core.usecase;

import java.time.Instant;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.port.in.SyncUsers;
import org.agentworkspace.core.port.in.UserChange;
import org.agentworkspace.core.port.out.ProcessedWebhooks;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.UserRepository;

final class SyncUsersService implements SyncUsers {
    private final Transactions transactions;
    private final ProcessedWebhooks processedWebhooks;
    private final UserRepository users;
    private final StorageClock clock;

    SyncUsersService(Transactions transactions, ProcessedWebhooks processedWebhooks, UserRepository users,
            StorageClock clock) {
        this.transactions = transactions;
        this.processedWebhooks = processedWebhooks;
        this.users = users;
        this.clock = clock;
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
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            // Marked in the same transaction as the change: a failed apply leaves it unmarked for the retry.
            if (!processedWebhooks.markProcessed(deliveryId, now)) {
                return Outcome.DUPLICATE;
            }
            if (change instanceof UserChange.Upsert upsert) {
                // Clerk never reuses a user id, and Svix does not promise order: a user.updated that
                // arrives after user.deleted must not bring the account back.
                if (users.isTombstoned(upsert.profile().id())) {
                    return Outcome.IGNORED;
                }
                users.upsert(upsert.profile(), now);
                return Outcome.APPLIED;
            }
            if (change instanceof UserChange.Delete delete) {
                users.delete(delete.userId(), now);
                return Outcome.APPLIED;
            }
            return Outcome.IGNORED;
        });
    }
}
