package org.agentworkspace.http.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** One HTTP answer as the tests look at it: status, headers, body text and, on demand, JSON. */
record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Reply of(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
        }
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Status and body together: what "answers exactly like" compares. */
    String statusAndBody() {
        return status + " " + body;
    }

    @Override
    public String toString() {
        return statusAndBody();
    }
}
