package org.agentworkspace.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.Principal;
import java.time.Duration;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every request once, when it finished: records {@code http_server_requests_seconds} by
 * method, route template and status, counts feed renders and Clerk webhook outcomes, and writes
 * the access-log line (request id, method, route template, status, duration, caller id). Nothing
 * it emits contains a path, query, header or body, so no secret can leak through it.
 */
public final class RequestObserver implements ApplicationEventListener {
    /** The logger of the access log, so operators can route or silence it on its own. */
    public static final String ACCESS_LOG = "org.agentworkspace.http.access";
    static final String FEED_ROUTE = "/api/cal/{agentId}/{token}.ics";
    static final String WEBHOOK_ROUTE = "/api/webhooks/clerk";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);

    private final MeterRegistry registry;
    /**
     * Timers by method, status and route template: building and registering the meter id on every
     * request showed in the profile. Bounded by the routes' templates (unmatched paths share one
     * label) times the methods and statuses the server answers.
     */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    public RequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application lifecycle events carry nothing per request.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        long start = System.nanoTime();
        return new RequestEventListener() {
            private String caller;

            @Override
            public void onEvent(RequestEvent event) {
                if (event.getType() == RequestEvent.Type.RESP_FILTERS_START) {
                    // Read while the request is alive: a response resumed from a suspended request
                    // (a feed render) may be finished, and Grizzly's request recycled, before FINISHED.
                    caller = callerOf(event.getContainerRequest());
                } else if (event.getType() == RequestEvent.Type.FINISHED) {
                    finished(event, System.nanoTime() - start, caller != null ? caller : callerOf(event.getContainerRequest()));
                }
            }
        };
    }

    private static String callerOf(ContainerRequest request) {
        try {
            Principal caller = request.getSecurityContext() == null ? null
                    : request.getSecurityContext().getUserPrincipal();
            return caller == null ? "-" : caller.getName();
        } catch (RuntimeException recycled) {
            return "-";
        }
    }

    private void finished(RequestEvent event, long nanos, String caller) {
        ContainerRequest request = event.getContainerRequest();
        ContainerResponse response = event.getContainerResponse();
        int status = response != null ? response.getStatus() : 500;
        String route = RouteTemplates.label(event.getUriInfo().getMatchedTemplates(), event.getUriInfo().getPath());
        String method = methodLabel(request.getMethod());
        timers.computeIfAbsent(method + ' ' + status + ' ' + route, key -> Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (route.equals(FEED_ROUTE) && "GET".equals(method) && status == 200) {
            Counter.builder("aw.feed.renders").description("Calendar feeds rendered (200 on GET)")
                    .register(registry).increment();
        }
        if (route.equals(WEBHOOK_ROUTE)) {
            Counter.builder("aw.webhook.deliveries").description("Clerk webhook deliveries by outcome")
                    .tag("outcome", webhookOutcome(status)).register(registry).increment();
        }
        String requestId = response == null ? null : response.getHeaderString("X-Request-Id");
        long millis = nanos / 1_000_000;
        ACCESS.atInfo()
                .addKeyValue("requestId", requestId)
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", millis)
                .addKeyValue("caller", caller)
                .log("{} {} {} {}ms", method, route, status, millis);
    }

    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    /** A bounded label: a method string is the caller's, and each new one would mint a family of series. */
    static String methodLabel(String method) {
        return METHODS.contains(method) ? method : "other";
    }

    static String webhookOutcome(int status) {
        if (status >= 200 && status < 300) {
            return "accepted";
        }
        if (status == 400) {
            return "rejected";
        }
        if (status == 503) {
            return "unavailable";
        }
        return "error";
    }
}
