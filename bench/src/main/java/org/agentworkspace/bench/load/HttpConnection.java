package org.agentworkspace.bench.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One persistent HTTP/1.1 connection on a blocking socket: writes a prepared request, reads the
 * status line and headers, and discards the body (Content-Length or chunked). Deliberately
 * minimal so the generator spends as little of the shared CPU as possible.
 */
public final class HttpConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[16 * 1024];
    private final byte[] skip = new byte[64 * 1024];
    private java.io.ByteArrayOutputStream kept;

    public HttpConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends {@code request} and reads the whole response, discarding its body; reconnects first when needed. */
    public Response exchange(byte[] request) throws IOException {
        return exchange(request, false);
    }

    /** The same; with {@code keepBody} the response carries its body (for scenarios that check it). */
    public Response exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return read(keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private Response read(boolean keepBody) throws IOException {
        kept = keepBody ? new java.io.ByteArrayOutputStream(4096) : null;
        int n = readLine();
        if (n < 12) {
            throw new IOException("Bad status line");
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String etag = null;
        while ((n = readLine()) > 0) {
            if (startsWithIgnoreCase(n, "content-length:")) {
                contentLength = Long.parseLong(value(n, 15));
            } else if (startsWithIgnoreCase(n, "transfer-encoding:")) {
                chunked = value(n, 18).toLowerCase().contains("chunked");
            } else if (startsWithIgnoreCase(n, "etag:")) {
                etag = value(n, 5);
            } else if (startsWithIgnoreCase(n, "connection:")) {
                closeAfter = value(n, 11).equalsIgnoreCase("close");
            }
        }
        long bodyBytes = 0;
        if (status != 304 && status != 204) {
            if (chunked) {
                while (true) {
                    int m = readLine();
                    String size = new String(line, 0, m, java.nio.charset.StandardCharsets.US_ASCII);
                    int semi = size.indexOf(';');
                    long chunk = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (chunk == 0) {
                        while (readLine() > 0) {
                            // trailer fields, ignored
                        }
                        break;
                    }
                    skipBytes(chunk);
                    bodyBytes += chunk;
                    readLine();
                }
            } else if (contentLength > 0) {
                skipBytes(contentLength);
                bodyBytes = contentLength;
            }
        }
        if (closeAfter) {
            close();
        }
        byte[] body = kept == null ? null : kept.toByteArray();
        kept = null;
        return new Response(status, etag, bodyBytes, body);
    }

    private void skipBytes(long count) throws IOException {
        long left = count;
        while (left > 0) {
            int r = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (r < 0) {
                throw new EOFException();
            }
            if (kept != null) {
                kept.write(skip, 0, r);
            }
            left -= r;
        }
    }

    /** Reads one line without its CRLF into {@link #line}; returns its length. */
    private int readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            if (b == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n < line.length) {
                line[n++] = (byte) b;
            }
        }
    }

    private boolean startsWithIgnoreCase(int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int length, int from) {
        return new String(line, from, length - from, java.nio.charset.StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
            socket = null;
        }
    }

    /** What the generator needs from a response; {@code body} is null unless it was asked for. */
    public record Response(int status, String etag, long bodyBytes, byte[] body) {
        /** Whether the kept body contains {@code text} (ASCII). */
        public boolean bodyContains(String text) {
            return body != null && new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        }
    }
}
