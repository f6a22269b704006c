package org.agentworkspace.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one measured window: successful and failed requests, latency in microseconds
 * (service time in closed-loop mode; from the intended send time in open-loop mode), the
 * throughput over the window, and the bytes received.
 */
public record Measurement(String scenario, String mode, int connections, double targetRate, long requests,
                          long errors, double seconds, Histogram latencyMicros, long bodyBytes) {
    public double throughput() {
        return requests / seconds;
    }

    public double p50Millis() {
        return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    public double p99Millis() {
        return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }

    public double p999Millis() {
        return latencyMicros.getValueAtPercentile(99.9) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }
}
