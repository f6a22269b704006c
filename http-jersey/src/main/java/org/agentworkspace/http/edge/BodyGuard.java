package org.agentworkspace.http.edge;

import java.util.Optional;
import java.util.function.Function;

/**
 * A route's checks that need only the request head, run before a single byte of its body is read:
 * so an unauthenticated route cannot be made to buffer (or wait for) a body it would refuse anyway.
 */
@FunctionalInterface
public interface BodyGuard {

    /** @return the refusal, or empty to let the body be read */
    Optional<Refusal> check(Head head);

    /** The request head: method, raw path, headers by name (case-insensitive; null when absent), announced length (-1 unknown). */
    record Head(String method, String path, Function<String, String> header, long contentLength) {
    }

    /** An answer in the contract's error shape; {@code retryAfterSeconds} 0 for none. */
    record Refusal(int status, String message, int retryAfterSeconds) {
        public static Refusal of(int status, String message) {
            return new Refusal(status, message, 0);
        }
    }
}
