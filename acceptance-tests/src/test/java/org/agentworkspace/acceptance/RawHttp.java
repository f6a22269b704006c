package org.agentworkspace.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes on a socket, for what no HTTP client library will send: illegal request targets, made-up
 * methods, oversized heads, bodies on GET. Reads one response by its Content-Length, so a server
 * that keeps the connection open after refusing does not stall the caller.
 */
final class RawHttp {
    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    Reply send(String head, byte[] body, boolean headRequest, int timeoutMillis) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            // Written from another thread while this one reads: a server that refuses early (431, 413)
            // answers and closes while the rest is still being sent.
            Thread writer = new Thread(() -> {
                try {
                    out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException refusedEarly) {
                    // The answer is what the reader sees.
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            Reply reply = read(socket.getInputStream(), headRequest);
            writer.join(timeoutMillis);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(head.lines().findFirst().orElse("") + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads one response from {@code in}: its head and as many body bytes as it announced. */
    static Reply read(InputStream in, boolean headRequest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int end = -1;
        byte[] buffer = new byte[8192];
        while (end < 0) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            bytes.write(buffer, 0, n);
            end = bytes.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        }
        String all = bytes.toString(StandardCharsets.ISO_8859_1);
        if (end < 0) {
            return new Reply(-1, all, "");
        }
        String headText = all.substring(0, end);
        int status = Integer.parseInt(headText.substring(9, 12));
        long length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        if (headRequest || status == 204 || status == 304) {
            length = 0;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] already = all.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        body.write(already, 0, (int) Math.min(already.length, length));
        while (body.size() < length) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, length - body.size()));
            } catch (java.net.SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
        }
        return new Reply(status, headText, body.toString(StandardCharsets.UTF_8));
    }

    record Reply(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        /** API.md's error shape, as JSON, with an X-Request-Id. */
        boolean contractError() {
            String type = header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")
                    || header("X-Request-Id") == null) {
                return false;
            }
            try {
                JsonNode node = Api.JSON.readTree(body);
                return node != null && node.path("error").isTextual() && !node.path("error").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            String first = head.lines().findFirst().orElse("");
            return first + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }
}
