package org.agentworkspace.app.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built-in dashboard: {@code GET /} and {@code GET /login} answer the page with the
 * sign-in mode rendered into it, {@code GET /assets/{file}} the page's scripts and styles.
 * Only files that exist in {@code web/} and whose names match a plain pattern are served, so no
 * path (encoded or not) reaches anything else on the classpath. Every answer carries the strict
 * Content-Security-Policy and the other headers of {@link SecurityHeaders}.
 */
@Path("/")
public final class DashboardPage {
    static final String SIGN_IN_PLACEHOLDER = "<!--aw-sign-in-->";
    // Dots only between name parts, so "..", "./" and anything with a slash never match.
    private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.(js|css|svg|png|ico)");
    // Revalidate every time: names carry no content hash, and a 304 costs one round trip.
    private static final String CACHE_CONTROL = "no-cache";

    private final StaticAsset index;
    private final SecurityHeaders headers;
    private final Map<String, StaticAsset> assets = new ConcurrentHashMap<>();

    /**
     * @param mode                how the page signs in
     * @param clerkPublishableKey Clerk's publishable key; used in {@link SignInMode#CLERK} only,
     *                            where without it the page explains that it cannot sign in
     * @throws IllegalArgumentException when a publishable key is given in Clerk mode but is not one
     * @throws IllegalStateException    when the jar lacks {@code web/index.html}
     */
    public DashboardPage(SignInMode mode, Optional<String> clerkPublishableKey) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clerkPublishableKey, "clerkPublishableKey");
        Optional<ClerkFrontendApi> clerk = mode == SignInMode.CLERK
                ? clerkPublishableKey.map(ClerkFrontendApi::fromPublishableKey)
                : Optional.empty();
        StaticAsset template = StaticAsset.load("index.html")
                .orElseThrow(() -> new IllegalStateException("web/index.html is missing from the classpath"));
        String html = new String(template.bytes(), StandardCharsets.UTF_8);
        if (!html.contains(SIGN_IN_PLACEHOLDER)) {
            throw new IllegalStateException("web/index.html lacks the " + SIGN_IN_PLACEHOLDER + " placeholder");
        }
        String rendered = html.replace(SIGN_IN_PLACEHOLDER, metaTags(mode, clerk));
        this.index = StaticAsset.of(rendered.getBytes(StandardCharsets.UTF_8), template.mediaType());
        this.headers = new SecurityHeaders(clerk);
    }

    @GET
    public Response page(@Context Request request) {
        return answer(request, index);
    }

    /** The target of the local sign-in URL; the page reads the secret from the fragment. */
    @GET
    @Path("login")
    public Response login(@Context Request request) {
        return answer(request, index);
    }

    @GET
    @Path("assets/{file}")
    public Response asset(@Context Request request, @PathParam("file") String file) {
        if (file == null || file.length() > 64 || !ASSET_NAME.matcher(file).matches()) {
            throw new NotFoundException();
        }
        StaticAsset asset = assets.get(file);
        if (asset == null) {
            // Only found files are kept, so requests for absent names cannot grow the map.
            asset = StaticAsset.load(file).orElseThrow(NotFoundException::new);
            assets.putIfAbsent(file, asset);
        }
        return answer(request, asset);
    }

    private Response answer(Request request, StaticAsset asset) {
        EntityTag tag = new EntityTag(asset.etag());
        Response.ResponseBuilder builder = request.evaluatePreconditions(tag);
        if (builder == null) {
            builder = Response.ok(asset.bytes()).type(asset.mediaType());
        }
        builder.tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        headers.all().forEach(builder::header);
        return builder.build();
    }

    private static String metaTags(SignInMode mode, Optional<ClerkFrontendApi> clerk) {
        String tags = "<meta name=\"aw-auth\" content=\"" + mode.metaValue() + "\">";
        if (clerk.isPresent()) {
            tags += "\n  <meta name=\"aw-clerk-publishable-key\" content=\"" + attribute(clerk.get().publishableKey()) + "\">";
        }
        return tags;
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
