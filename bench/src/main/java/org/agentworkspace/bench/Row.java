package org.agentworkspace.bench;

import org.agentworkspace.bench.load.Measurement;

/**
 * One line of the report: which server ({@code ceiling-before}, {@code product},
 * {@code ceiling-after}), the measurement, the server's allocation per request in bytes (-1 when
 * unknown) and the 1-minute load average of the machine when the window ended.
 */
record Row(String phase, Measurement m, double allocPerRequest, double loadAverage) {
}
