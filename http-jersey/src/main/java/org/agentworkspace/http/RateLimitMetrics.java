package org.agentworkspace.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.agentworkspace.http.limits.Partition;

/** {@code aw_rate_limit_rejections_total{partition}}: how often each limit said no. */
final class RateLimitMetrics {
    private final Map<Partition, Counter> rejections = new EnumMap<>(Partition.class);

    RateLimitMetrics(MeterRegistry registry) {
        for (Partition partition : Partition.values()) {
            rejections.put(partition, Counter.builder("aw.rate.limit.rejections")
                    .description("Requests answered 429, by the limit that refused them")
                    .tag("partition", partition.wireName())
                    .register(registry));
        }
    }

    void rejected(Partition partition) {
        rejections.get(partition).increment();
    }
}
