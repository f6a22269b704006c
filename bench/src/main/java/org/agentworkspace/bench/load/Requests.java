package org.agentworkspace.bench.load;

import java.nio.charset.StandardCharsets;

/** Builds raw HTTP/1.1 request bytes once, so the measured loop does no formatting. */
public final class Requests {
    private Requests() {
    }

    /** {@code headers} alternate name, value. */
    public static byte[] build(String method, String host, String target, String body, String... headers) {
        StringBuilder s = new StringBuilder(256);
        s.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        s.append("Host: ").append(host).append("\r\n");
        s.append("User-Agent: agentworkspace-bench\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            s.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            s.append("Content-Type: application/json\r\n");
            s.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        s.append("\r\n");
        byte[] head = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bodyBytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bodyBytes, 0, all, head.length, bodyBytes.length);
        return all;
    }
}
