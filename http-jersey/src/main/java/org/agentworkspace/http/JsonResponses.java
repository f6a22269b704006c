package org.agentworkspace.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON responses as text, so an idempotent write can store exactly the bytes it sent. */
final class JsonResponses {
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");
    static final String JSON_TEXT = JSON.toString();

    private JsonResponses() {
    }

    static Response ok(JsonNode body) {
        return Response.ok(Json.text(body), JSON).build();
    }

    /** A 200 carrying the strong ETag of the resource's version. */
    static Response tagged(JsonNode body, long version) {
        return Response.ok(Json.text(body), JSON).header(HttpHeaders.ETAG, Versions.etag(version)).build();
    }

    /** A 201 with the new resource's address in {@code Location}. */
    static Response created(JsonNode body, String location) {
        return Response.status(201).type(JSON).entity(Json.text(body)).header(HttpHeaders.LOCATION, location).build();
    }

    /** {@code {"<name>": value}}, the envelope of every single resource and list. */
    static ObjectNode envelope(String name, JsonNode value) {
        ObjectNode body = Json.object();
        body.set(name, value);
        return body;
    }

    static ObjectNode deleted() {
        ObjectNode body = Json.object();
        body.put("deleted", true);
        return body;
    }
}
