package org.agentworkspace.http.edge;

import java.time.Duration;

/**
 * The edge's limits.
 *
 * @param maxBodyBytes the largest body any route accepts (API.md: 1 MiB); longer ones are 413
 * @param bodyReadTimeout how long a request may take to deliver its whole body before it is answered 408
 * @param workerThreads Grizzly's worker pool size (requests run there; bodies are awaited without a thread)
 */
public record EdgeSettings(long maxBodyBytes, Duration bodyReadTimeout, int workerThreads) {
    public static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;

    public EdgeSettings {
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("maxBodyBytes out of range");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("bodyReadTimeout must be positive");
        }
        if (workerThreads < 2) {
            throw new IllegalArgumentException("workerThreads must be at least 2");
        }
    }
}
