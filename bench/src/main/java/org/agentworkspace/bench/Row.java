package org.agentworkspace.bench;

import java.util.Map;
import org.agentworkspace.bench.load.Measurement;

/**
 * One measured window of the report: which server ({@code ceiling-before}, {@code product},
 * {@code ceiling-after}), the measurement, the server's allocation per request in bytes (-1 when
 * unknown), the 1-minute load average when the window ended, the CPU seconds each process group
 * spent in the window ({@link CpuMeter}) and what PostgreSQL counted in it ({@link DbStats}).
 */
record Row(String phase, Measurement m, double allocPerRequest, double loadAverage, Map<String, Double> cpuSeconds,
           DbStats.Window db) {

    /** Requests answered in the window, good or bad: the divisor of every per-request figure. */
    long answered() {
        return m.requests() + m.errors();
    }

    /** CPU microseconds per request of one process group. */
    double cpuMicrosPerRequest(String group) {
        return answered() == 0 ? 0 : cpuSeconds.getOrDefault(group, 0.0) * 1e6 / answered();
    }
}
