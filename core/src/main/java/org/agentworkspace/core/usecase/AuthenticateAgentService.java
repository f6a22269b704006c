package org.agentworkspace.core.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.AuthenticateAgent;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Key → principal. A request costs one lookup, or none when the credential lookup still holds a
 * hint for the digest (the database then verifies the key with the request's first query); a key's {@code lastUsedAt} is written only when the
 * stored value is more than {@link #USE_RECORD_PERIOD} old (so at most once a period per key, on
 * all instances together), and an expired key is refused like an unknown one, its use audited
 * at most once a period too.
 */
final class AuthenticateAgentService implements AuthenticateAgent {
    /** How stale {@code lastUsedAt} may grow before a use writes it again (API.md: "at most once a minute"). */
    static final Duration USE_RECORD_PERIOD = Duration.ofMinutes(1);

    private final Transactions transactions;
    private final CredentialLookup credentials;
    private final Ownership ownership;
    private final AuditTrail auditTrail;
    private final StorageClock clock;

    AuthenticateAgentService(Transactions transactions, CredentialLookup credentials, Ownership ownership,
                             AuditTrail auditTrail, StorageClock clock) {
        this.transactions = transactions;
        this.credentials = credentials;
        this.ownership = ownership;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    public AgentPrincipal authenticate(String presentedKey) {
        // Shape and checksum first: a typo or forgery never reaches the database.
        ApiKey key = ApiKey.parse(presentedKey).orElseThrow(Unauthenticated::new);
        KeyDigest digest = key.digest();
        // A hint answers without a round trip; the scopes minted below carry the digest, so the
        // database checks the key again in the same message as the request's first query.
        Optional<AgentCredential> hinted = credentials.recentAgentByKeyDigest(digest);
        AgentCredential credential = hinted.isPresent() ? hinted.get() : transactions
                .inSingleStatement(() -> credentials.agentByKeyDigest(digest))
                .orElseThrow(Unauthenticated::new);
        Instant now = clock.now();
        if (credential.expiredAt(now)) {
            // The first presentation after the expiry always counts (a use just before it must not
            // hide it), later ones once a period.
            if (recordUse(credential, now, later(now.minus(USE_RECORD_PERIOD), credential.expiresAt()))) {
                AgentScope refused = ownership.scopeForRefusedKey(credential);
                transactions.inTransaction(refused, () -> {
                    auditTrail.append(refused, AuditAction.EXPIRED_KEY_USED,
                            "Expired API key " + credential.keyId() + " was presented and refused");
                    return null;
                });
            }
            throw new Unauthenticated();
        }
        AgentPrincipal principal = ownership.agentPrincipal(credential, digest, now);
        if (hinted.isEmpty()) {
            // A hinted lastUsedAt may be stale; then the scope's check in the database records the use.
            recordUse(credential, now, now.minus(USE_RECORD_PERIOD));
        }
        return principal;
    }

    /** Writes {@code lastUsedAt} when the looked-up value is before {@code staleBefore}; true when this call wrote it. */
    private boolean recordUse(AgentCredential credential, Instant now, Instant staleBefore) {
        if (credential.lastUsedAt() != null && !credential.lastUsedAt().isBefore(staleBefore)) {
            return false;
        }
        return transactions.inSingleStatement(() -> credentials.recordKeyUse(credential.keyId(), now, staleBefore));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
