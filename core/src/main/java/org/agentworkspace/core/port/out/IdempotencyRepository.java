package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.ownership.AgentScope;

/** Idempotency records, per agent. Must hold across server instances. */
public interface IdempotencyRepository {

    /**
     * Takes a lock on the key for the rest of the current transaction; false, without waiting,
     * when another transaction (on any instance) holds it.
     */
    boolean tryLock(AgentScope scope, String key);

    /** The unexpired record of this key, if any. */
    Optional<IdempotencyRecord> find(AgentScope scope, String key, Instant now);

    /** Stores the record, replacing an expired one with the same key. */
    void save(AgentScope scope, IdempotencyRecord record);
}
