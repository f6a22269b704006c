package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: stalled uploads — the headers of a POST with a large Content-Length, then
 * nothing — used to occupy every Grizzly worker until its 30 s timeout, so /healthz stopped
 * answering. Now a body is awaited without a thread: while the uploads stall, /healthz and an
 * authenticated GET answer (a 5 s client timeout, half the server's 10 s body deadline, so an
 * answer cannot be one that waited behind the stalled uploads), and each stalled upload gets the
 * contract's 408 once its deadline passes.
 */
class SlowClientIT {
    private static final int STALLED = 16;

    private final SharedStack stack = SharedStack.get();

    @Test
    void stalledUploadsNeitherBlockOtherRequestsNorEndInA500() throws IOException {
        Tenant tenant = Tenant.create(stack.api, stack.clerk, "slowclient");
        Api patient = new Api(stack.app.baseUri(), Duration.ofSeconds(5));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket(stack.app.baseUri().getHost(), stack.app.baseUri().getPort());
                socket.setSoTimeout(60_000);
                String head = i % 2 == 0
                        ? "POST /api/webhooks/clerk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "svix-id: msg_slow_" + i + "\r\nsvix-timestamp: 1\r\nsvix-signature: v1,x\r\n"
                                + "Content-Length: 200000\r\n\r\n{\"type\""
                        : "POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + tenant.apiKey()
                                + "\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n{\"title\"";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }

            Api.Reply health = patient.get("/healthz", null);
            Api.Reply me = patient.get("/api/v1/me", tenant.apiKey());
            Api.Reply events = patient.get("/api/v1/events", tenant.apiKey());

            assertThat(health.status()).isEqualTo(200);
            assertThat(me.status()).isEqualTo(200);
            assertThat(events.status()).isEqualTo(200);
            for (Socket socket : stalled) {
                RawHttp.Reply timedOut = RawHttp.read(socket.getInputStream(), false);
                assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(408);
                assertThat(timedOut.contractError()).as(timedOut.toString()).isTrue();
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(stack.api.get("/healthz", null).status()).isEqualTo(200);
    }
}
