package org.agentworkspace.http.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3.1 document, exactly as written in docs/openapi.json. */
@Path("openapi.json")
public final class OpenApiResource {
    /** Where the build puts docs/openapi.json on the classpath. */
    public static final String CLASSPATH_LOCATION = "/org/agentworkspace/http/openapi/openapi.json";
    private final byte[] document;

    public OpenApiResource() {
        this.document = load();
    }

    /** The document's bytes; fails loudly at start when the build did not package it. */
    public static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath at " + CLASSPATH_LOCATION);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public Response document() {
        // Public and identical for every caller, so caches may keep it for a while.
        return Response.ok(document, "application/json; charset=utf-8").header("Cache-Control", "public, max-age=300").build();
    }
}
