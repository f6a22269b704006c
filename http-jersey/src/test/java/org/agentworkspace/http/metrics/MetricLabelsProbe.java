package org.agentworkspace.http.metrics;

/** Test access to the metrics label rules of {@link RequestObserver}. */
public final class MetricLabelsProbe {
    private MetricLabelsProbe() {
    }

    public static String methodLabel(String method) {
        return RequestObserver.methodLabel(method);
    }
}
