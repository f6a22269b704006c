package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentworkspace.core.domain.Issue;

/** The error shapes of API.md, and nothing more: {@code {"error": …}} with issues when validating. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static String error(String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return Json.text(body);
    }

    static String validation(List<Issue> issues) {
        ObjectNode body = Json.object();
        body.put("error", "Validation failed");
        ArrayNode list = body.putArray("issues");
        for (Issue issue : issues) {
            list.addObject().put("path", issue.path()).put("message", issue.message());
        }
        return Json.text(body);
    }

    static Response.ResponseBuilder response(int status, String message) {
        return Response.status(status).type(JsonResponses.JSON).entity(error(message));
    }
}
