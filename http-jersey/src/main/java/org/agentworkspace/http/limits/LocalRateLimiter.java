package org.agentworkspace.http.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bucket4j buckets in this process's memory, for failures that cost the server nothing but
 * parsing: a garbage API key (wrong shape or checksum), a malformed feed token, an invalid
 * session token. Charging them to the shared PostgreSQL buckets would give every garbage
 * credential a database round trip — exactly what the checksum exists to avoid. The limit is
 * then per instance; a credential that can succeed still pays its lookup and the shared bucket.
 */
public final class LocalRateLimiter implements RateLimiter {
    /** Above this many subjects the map starts afresh: memory stays bounded under a spoofed-address flood. */
    private static final int MAX_SUBJECTS = 10_000;

    private final Function<Partition, RateLimitPolicy> policies;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalRateLimiter(Function<Partition, RateLimitPolicy> policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    @Override
    public RateLimitPolicy policy(Partition partition) {
        return policies.apply(partition);
    }

    @Override
    public RateDecision consume(Partition partition, String subject) {
        RateLimitPolicy policy = policy(partition);
        if (buckets.size() >= MAX_SUBJECTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(partition.wireName() + ":" + subject, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.quota())
                        .refillIntervally(policy.quota(), policy.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? RateDecision.granted(policy, probe.getRemainingTokens(), probe.getNanosToWaitForReset())
                : RateDecision.refused(policy, probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset());
    }
}
