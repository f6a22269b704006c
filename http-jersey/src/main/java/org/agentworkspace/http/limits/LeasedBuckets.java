package org.agentworkspace.http.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's {@linkplain Lease leases} on the shared buckets, one per partition and subject;
 * {@link Bucket4jRateLimiter} adds the thread that sweeps them.
 * A lease is a twentieth of the quota (at least one unit), so the database sees one write per
 * twenty requests of a busy subject, and quotas under 40 stay exact because their lease is one unit.
 *
 * <p>Bounded: at most {@code maxLeases} subjects per partition are held (a flood of addresses
 * cannot crowd out the keys' leases); beyond that a new subject is answered straight from its
 * shared bucket, one unit per request, until {@link #sweep} has forgotten the ended leases.
 */
final class LeasedBuckets implements RateLimiter {
    static final long LEASES_PER_WINDOW = 20;
    static final int MAX_LEASES = 10_000;

    private final SharedBuckets shared;
    private final Map<Partition, RateLimitPolicy> policies;
    private final int maxLeases;
    private final Map<Partition, Map<String, Lease>> leases = new EnumMap<>(Partition.class);

    LeasedBuckets(SharedBuckets shared, Map<Partition, RateLimitPolicy> policies, int maxLeases) {
        this.shared = shared;
        this.policies = policies;
        this.maxLeases = maxLeases;
        for (Partition partition : Partition.values()) {
            leases.put(partition, new ConcurrentHashMap<>());
        }
    }

    static long leaseSize(RateLimitPolicy policy) {
        return Math.max(1, policy.quota() / LEASES_PER_WINDOW);
    }

    @Override
    public RateLimitPolicy policy(Partition partition) {
        return policies.get(partition);
    }

    @Override
    public RateDecision consume(Partition partition, String subject) {
        RateLimitPolicy policy = policies.get(partition);
        Map<String, Lease> held = leases.get(partition);
        while (true) {
            Lease lease = held.get(subject);
            if (lease == null) {
                if (held.size() >= maxLeases) {
                    return unleased(partition, policy, subject);
                }
                lease = held.computeIfAbsent(subject, s -> new Lease(System.nanoTime()));
            }
            RateDecision decision = lease.take(policy, leaseSize(policy), units -> shared.draw(partition, subject, units));
            if (decision != null) {
                return decision;
            }
            held.remove(subject, lease);
        }
    }

    private RateDecision unleased(Partition partition, RateLimitPolicy policy, String subject) {
        BucketDraw drawn = shared.draw(partition, subject, 1);
        return drawn.granted() > 0
                ? RateDecision.granted(policy, drawn.remaining(), drawn.nanosToReset())
                : RateDecision.refused(policy, drawn.nanosToRefill(), drawn.nanosToReset());
    }

    /** Forgets leases whose window and refusal have ended; returns how many went. */
    int sweep() {
        int removed = 0;
        for (Map<String, Lease> held : leases.values()) {
            for (Map.Entry<String, Lease> entry : held.entrySet()) {
                if (entry.getValue().retireIfEnded() && held.remove(entry.getKey(), entry.getValue())) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** How many subjects hold a lease or a remembered refusal, over all partitions. */
    int size() {
        return leases.values().stream().mapToInt(Map::size).sum();
    }
}
