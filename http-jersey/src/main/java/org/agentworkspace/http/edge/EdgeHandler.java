package org.agentworkspace.http.edge;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of Jersey's container and answers, in the contract's JSON error shape with an
 * {@code X-Request-Id}, everything that would otherwise fail inside Grizzly or Java's URI parser:
 * unknown methods (405, so a made-up method never reaches the metrics), targets that are not legal
 * URIs (404, or 400 for the query and the Host), bodies over the limit (413) and bodies that do not
 * arrive in time (408). A body is awaited without a thread (Grizzly's non-blocking input, under a
 * deadline) and only a complete body is handed to Jersey, so stalled uploads cannot occupy the
 * worker pool. Any failure that still escapes becomes a logged 500 with its request id.
 */
public final class EdgeHandler extends HttpHandler {
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** API.md: a body on these is ignored, the request served as if it had none. */
    public static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final Logger LOG = LoggerFactory.getLogger(EdgeHandler.class);

    private final HttpHandler next;
    private final EdgeSettings settings;
    private final List<BodyGuard> guards;

    public EdgeHandler(HttpHandler next, EdgeSettings settings, List<BodyGuard> guards) {
        this.next = next;
        this.settings = settings;
        this.guards = List.copyOf(guards);
    }

    @Override
    public void start() {
        next.start();
    }

    @Override
    public void destroy() {
        next.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String requestId = EdgeErrors.requestId(request.getHeader(EdgeErrors.REQUEST_ID));
        try {
            route(request, response, requestId);
        } catch (Throwable failure) {
            failed(request, response, requestId, failure);
        }
    }

    private void route(Request request, Response response, String requestId) throws Exception {
        String method = request.getMethod().getMethodString();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getRequest().isChunked();
        if (!METHODS.contains(method)) {
            EdgeErrors.write(response, 405, "Method not allowed: this server answers " + ALLOW, requestId, hasBody);
            response.setHeader("Allow", ALLOW);
            return;
        }
        Optional<RequestTarget.Problem> problem = RequestTarget.check(request.getScheme(), request.getServerName(),
                request.getServerPort(), request.getRequestURI(), request.getQueryString());
        if (problem.isPresent()) {
            EdgeErrors.write(response, problem.get().status(), problem.get().message(), requestId, hasBody);
            return;
        }
        if (!hasBody || BODILESS.contains(method)) {
            // A body on GET, HEAD, DELETE or OPTIONS is never read; Grizzly skips it after the response.
            next.service(request, response);
            return;
        }
        BodyGuard.Head head = new BodyGuard.Head(method, request.getRequestURI(), request::getHeader,
                request.getContentLengthLong());
        for (BodyGuard guard : guards) {
            Optional<BodyGuard.Refusal> refusal = guard.check(head);
            if (refusal.isPresent()) {
                EdgeErrors.write(response, refusal.get().status(), refusal.get().message(), requestId, true);
                if (refusal.get().retryAfterSeconds() > 0) {
                    response.setHeader("Retry-After", Integer.toString(refusal.get().retryAfterSeconds()));
                }
                return;
            }
        }
        if (request.getContentLengthLong() > settings.maxBodyBytes()) {
            EdgeErrors.write(response, 413, tooLarge(), requestId, true);
            return;
        }
        awaitBody(request, response, requestId);
    }

    private String tooLarge() {
        long bytes = settings.maxBodyBytes();
        return bytes % (1024 * 1024) == 0 ? "Request body exceeds " + bytes / (1024 * 1024) + " MiB"
                : "Request body exceeds " + bytes + " bytes";
    }

    /**
     * Suspends the response until the whole body is buffered (then Jersey runs on a worker thread),
     * more than the limit arrived (413) or the deadline passed (408). Exactly one of them answers.
     */
    private void awaitBody(Request request, Response response, String requestId) {
        NIOInputStream in = request.getNIOInputStream();
        if (in.isFinished()) {
            serve(request, response, requestId);
            return;
        }
        AtomicBoolean decided = new AtomicBoolean();
        AtomicBoolean resumed = new AtomicBoolean();
        long timeoutMillis = settings.bodyReadTimeout().toMillis();
        response.suspend(timeoutMillis, TimeUnit.MILLISECONDS, new CompletionHandler<>() {
            @Override
            public void cancelled() {
                resumed.set(true);
            }

            @Override
            public void failed(Throwable throwable) {
                resumed.set(true);
            }

            @Override
            public void completed(Response result) {
                resumed.set(true);
            }

            @Override
            public void updated(Response result) {
                // Progress carries nothing for us.
            }
        }, timedOut -> {
            if (decided.compareAndSet(false, true)) {
                LOG.warn("Request body of {} {} not complete after {} ms (request id {}); answered 408",
                        request.getMethod().getMethodString(), loggablePath(request.getRequestURI()), timeoutMillis,
                        requestId);
                answerSuspended(timedOut, 408, "Request body not received within "
                        + settings.bodyReadTimeout().toSeconds() + " s; send it without pausing", requestId);
            }
            return false;
        });
        in.notifyAvailable(new ReadHandler() {
            @Override
            public void onDataAvailable() {
                // Called only once more than the limit is buffered: the rest is not worth reading.
                if (decided.compareAndSet(false, true)) {
                    answerSuspended(response, 413, tooLarge(), requestId);
                }
            }

            @Override
            public void onAllDataRead() {
                if (decided.compareAndSet(false, true)) {
                    // The deadline stays armed but finds the request decided: it then does nothing.
                    try {
                        // Always another worker: this may run inside service(), before the suspension took hold.
                        request.getContext().getConnection().getTransport().getWorkerThreadPool()
                                .execute(() -> serveSuspended(request, response, requestId, resumed));
                    } catch (RuntimeException e) {
                        failed(request, response, requestId, e);
                    }
                }
            }

            @Override
            public void onError(Throwable failure) {
                if (decided.compareAndSet(false, true)) {
                    LOG.warn("Request body of {} {} could not be read (request id {}): {}",
                            request.getMethod().getMethodString(), loggablePath(request.getRequestURI()), requestId,
                            failure.toString());
                    answerSuspended(response, 400, "Request body could not be read", requestId);
                }
            }
        }, (int) settings.maxBodyBytes() + 1);
    }

    private void serveSuspended(Request request, Response response, String requestId, AtomicBoolean resumed) {
        serve(request, response, requestId);
        if (!resumed.get()) {
            // Jersey resumes the response when it commits; this is the case it did not.
            answerSuspended(response, 500, "Internal error", requestId);
        }
    }

    private void serve(Request request, Response response, String requestId) {
        try {
            next.service(request, response);
        } catch (Throwable failure) {
            failed(request, response, requestId, failure);
        }
    }

    private static void answerSuspended(Response response, int status, String message, String requestId) {
        try {
            EdgeErrors.write(response, status, message, requestId, true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not answer {} (request id {}): {}", status, requestId, e.toString());
        }
        try {
            if (response.isSuspended()) {
                response.resume();
            }
        } catch (RuntimeException e) {
            LOG.debug("Response already finished (request id {})", requestId);
        }
    }

    private static void failed(Request request, Response response, String requestId, Throwable failure) {
        LOG.error("Internal error on {} {} (request id {})", request.getMethod().getMethodString(),
                loggablePath(request.getRequestURI()), requestId, failure);
        if (response.isCommitted()) {
            return;
        }
        if (response.isSuspended()) {
            answerSuspended(response, 500, "Internal error", requestId);
            return;
        }
        try {
            EdgeErrors.write(response, 500, "Internal error", requestId, true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not answer 500 (request id {}): {}", requestId, e.toString());
        }
    }

    /** A feed URL's last segment is its secret, and a hostile path must not forge log lines. */
    static String loggablePath(String rawPath) {
        if (rawPath == null) {
            return "-";
        }
        String path = rawPath.length() > 200 ? rawPath.substring(0, 200) + "…" : rawPath;
        if (path.startsWith("/api/cal/")) {
            path = path.substring(0, path.lastIndexOf('/') + 1) + "[token]";
        }
        StringBuilder safe = new StringBuilder(path.length());
        path.chars().forEach(c -> safe.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return safe.toString();
    }
}
