package org.agentworkspace.core.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.IdempotencyRecord;

/**
 * The shared state behind the in-memory fakes: plain maps, the same foreign keys and cascades as
 * the schema (user → agents → calendar, events, documents, subscriptions, key, audit). Test-only.
 */
public final class InMemoryDatabase {
    final Map<UserId, User> users = new LinkedHashMap<>();
    final Set<UserId> tombstones = new HashSet<>();
    final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    final Map<AgentId, Calendar> calendars = new HashMap<>();
    final Map<EventId, Event> events = new LinkedHashMap<>();
    /** The events.first_start and last_start columns (V20): an absent entry is unbounded. */
    final Map<EventId, org.agentworkspace.core.port.out.StartBounds> startBounds = new HashMap<>();
    /** Per calendar, as the schema's triggers keep it on the calendar row. */
    final Map<AgentId, org.agentworkspace.core.port.out.CalendarFingerprint> eventWrites = new HashMap<>();
    final Map<DocumentId, Document> documents = new LinkedHashMap<>();
    final Map<SubscriptionId, Subscription> subscriptions = new LinkedHashMap<>();
    final Map<org.agentworkspace.core.domain.ApiKeyId, StoredKey> apiKeys = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final Map<AgentId, Map<String, IdempotencyRecord>> idempotency = new HashMap<>();
    final Set<String> processedWebhooks = new HashSet<>();

    /** One api_keys row: the key, its digests and whether it was revoked. */
    static final class StoredKey {
        org.agentworkspace.core.domain.AgentKey key;
        KeyDigest digest;
        KeyDigest previous;
        java.time.Instant previousValidUntil;
        java.time.Instant revokedAt;

        StoredKey(org.agentworkspace.core.domain.AgentKey key, KeyDigest digest) {
            this.key = key;
            this.digest = digest;
        }

        boolean live(AgentId agent) {
            return revokedAt == null && key.agentId().equals(agent);
        }

        void revoke(java.time.Instant at) {
            revokedAt = at;
            previous = null;
            previousValidUntil = null;
        }

        StoredKey copy() {
            StoredKey copy = new StoredKey(key, digest);
            copy.previous = previous;
            copy.previousValidUntil = previousValidUntil;
            copy.revokedAt = revokedAt;
            return copy;
        }
    }

    /** Everything, copied: what a transaction's rollback restores. Values are immutable records. */
    Runnable snapshot() {
        Map<UserId, User> users = new LinkedHashMap<>(this.users);
        Set<UserId> tombstones = new HashSet<>(this.tombstones);
        Map<AgentId, Agent> agents = new LinkedHashMap<>(this.agents);
        Map<AgentId, Calendar> calendars = new HashMap<>(this.calendars);
        Map<EventId, Event> events = new LinkedHashMap<>(this.events);
        Map<EventId, org.agentworkspace.core.port.out.StartBounds> startBounds = new HashMap<>(this.startBounds);
        Map<AgentId, org.agentworkspace.core.port.out.CalendarFingerprint> eventWrites = new HashMap<>(this.eventWrites);
        Map<DocumentId, Document> documents = new LinkedHashMap<>(this.documents);
        Map<SubscriptionId, Subscription> subscriptions = new LinkedHashMap<>(this.subscriptions);
        Map<org.agentworkspace.core.domain.ApiKeyId, StoredKey> apiKeys = new LinkedHashMap<>();
        this.apiKeys.forEach((id, key) -> apiKeys.put(id, key.copy()));
        List<AuditEntry> audit = new ArrayList<>(this.audit);
        Map<AgentId, Map<String, IdempotencyRecord>> idempotency = new HashMap<>();
        this.idempotency.forEach((agent, records) -> idempotency.put(agent, new HashMap<>(records)));
        Set<String> processedWebhooks = new HashSet<>(this.processedWebhooks);
        return () -> {
            restore(this.users, users);
            restore(this.tombstones, tombstones);
            restore(this.agents, agents);
            restore(this.calendars, calendars);
            restore(this.events, events);
            restore(this.startBounds, startBounds);
            restore(this.eventWrites, eventWrites);
            restore(this.documents, documents);
            restore(this.subscriptions, subscriptions);
            restore(this.apiKeys, apiKeys);
            restore(this.audit, audit);
            restore(this.idempotency, idempotency);
            restore(this.processedWebhooks, processedWebhooks);
        };
    }

    private static <K, V> void restore(Map<K, V> live, Map<K, V> saved) {
        live.clear();
        live.putAll(saved);
    }

    private static <T> void restore(java.util.Collection<T> live, java.util.Collection<T> saved) {
        live.clear();
        live.addAll(saved);
    }

    void deleteAgentCascade(AgentId id) {
        agents.remove(id);
        calendars.remove(id);
        events.values().removeIf(e -> e.agentId().equals(id));
        eventWrites.remove(id);
        documents.values().removeIf(d -> d.agentId().equals(id));
        subscriptions.values().removeIf(s -> s.agentId().equals(id));
        apiKeys.values().removeIf(k -> k.key.agentId().equals(id));
        audit.removeIf(a -> a.agentId().equals(id));
        idempotency.remove(id);
    }

    /** Test inspection: every audit entry, oldest first. */
    public List<AuditEntry> auditEntries() {
        return List.copyOf(audit);
    }

    /** Test inspection: the stored digest of an agent's key, or {@code null}. */
    /** The current digest of the agent's only live key; fails when it has none or several. */
    public KeyDigest storedKeyDigest(AgentId agent) {
        List<StoredKey> live = apiKeys.values().stream().filter(k -> k.live(agent)).toList();
        if (live.size() != 1) {
            throw new IllegalStateException(agent + " has " + live.size() + " live keys");
        }
        return live.get(0).digest;
    }

    public boolean hasCalendar(AgentId agent) {
        return calendars.containsKey(agent);
    }

    public int eventCount() {
        return events.size();
    }
}
