package org.agentworkspace.http;

/**
 * A request refused by the HTTP layer itself, before any use case ran: a body too large, not
 * JSON, or not an object. The message is the {@code error} text the caller sees.
 */
final class RequestRejected extends RuntimeException {
    private final int status;

    RequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RequestRejected bodyTooLarge() {
        return new RequestRejected(413, "Request body exceeds 1 MiB");
    }

    static RequestRejected badRequest(String message) {
        return new RequestRejected(400, message);
    }

    int status() {
        return status;
    }
}
