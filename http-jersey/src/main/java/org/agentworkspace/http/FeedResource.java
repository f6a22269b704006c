package org.agentworkspace.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Date;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.port.in.FeedResponse;
import org.agentworkspace.core.port.in.ServeFeed;

/**
 * {@code GET|HEAD /api/cal/{agentId}/{token}.ics}: the token is the credential. No {@code @Produces},
 * because calendar fetchers send no {@code Accept} and must never get a 406. Every failure is the
 * same 404 as an unknown route, so nothing about agents or tokens can be probed.
 */
@Path("api/cal/{agentId}/{token}.ics")
public final class FeedResource {
    /**
     * {@code private}: the URL is a secret, so no shared cache may keep (and keep serving) a feed
     * after its token was rotated or revoked. Five minutes spares a client that re-polls eagerly;
     * calendar apps poll hourly or less, and revalidate cheaply with {@code If-None-Match}.
     */
    static final String CACHE_CONTROL = "private, max-age=300";

    /**
     * Feed bodies render here, not on the request workers: a 10,000-event feed (or a client that
     * reads it slowly) occupies one of these threads, and the API keeps its workers. Few threads,
     * because a render is CPU work that also holds a database connection; beyond the queue a feed
     * is 503 with {@code Retry-After}, as any momentary overload.
     */
    static final int RENDER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
    static final int RENDER_QUEUE = 64;

    private final ServeFeed serveFeed;
    private final Executor renders;

    FeedResource(ServeFeed serveFeed) {
        this(serveFeed, renderPool());
    }

    FeedResource(ServeFeed serveFeed, Executor renders) {
        this.serveFeed = serveFeed;
        this.renders = renders;
    }

    private static Executor renderPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(RENDER_THREADS, RENDER_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(RENDER_QUEUE), task -> {
                    Thread t = new Thread(task, "feed-render-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The lookup and the validators on the worker (a 304 ends there); the body on a render thread. */
    @GET
    public void get(@PathParam("agentId") String agentId, @PathParam("token") String token,
                    @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Suspended AsyncResponse async) {
        FeedResponse feed;
        try {
            feed = open(agentId, token, userAgent);
        } catch (RuntimeException refused) {
            // Resumed, not thrown: a suspended request must end through its AsyncResponse.
            async.resume(refused);
            return;
        }
        if (matches(ifNoneMatch, feed.etag())) {
            async.resume(validators(Response.notModified(), feed).build());
            return;
        }
        StreamingOutput body = feed::writeTo;
        Response response = validators(Response.ok(body), feed).type(feed.contentType()).build();
        try {
            // resume() writes the response, body included, on the thread that calls it.
            renders.execute(() -> async.resume(response));
        } catch (RejectedExecutionException busy) {
            async.resume(new Unavailable("Too many feeds rendering; retry shortly"));
        }
    }

    /** The headers of the feed without rendering it. */
    @HEAD
    public Response head(@PathParam("agentId") String agentId, @PathParam("token") String token,
                         @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FeedResponse feed = open(agentId, token, userAgent);
        if (matches(ifNoneMatch, feed.etag())) {
            return validators(Response.notModified(), feed).build();
        }
        return validators(Response.ok(), feed).type(feed.contentType()).build();
    }

    private FeedResponse open(String agentId, String token, String userAgent) {
        try {
            return serveFeed.open(agentId, token, userAgent);
        } catch (NotFound e) {
            // The same body as an unknown route: "Feed not found" would confirm the route exists.
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    private static Response.ResponseBuilder validators(Response.ResponseBuilder response, FeedResponse feed) {
        return response.header(HttpHeaders.ETAG, feed.etag())
                .lastModified(Date.from(feed.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match; {@code *} matches any existing feed. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
