package org.agentworkspace.ics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes iCalendar content lines (RFC 5545 §3.1) as UTF-8: each line ends with CRLF and is folded
 * so that no physical line exceeds 75 octets, without ever splitting a multi-byte UTF-8 sequence.
 *
 * <p>Written by hand because biweekly's writer (vinnie's {@code FoldedLineWriter}) counts
 * characters, not octets, so a line of emoji or CJK text would run to several hundred bytes.
 * Buffers internally; {@link #flush()} pushes everything to the stream, which it never closes.
 */
final class ContentLineWriter {
    static final int MAX_OCTETS = 75;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] FOLD = {'\r', '\n', ' '};

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int buffered;

    ContentLineWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes one logical line; {@code line} must already be escaped and must not contain CR or LF
     * (a raw line break would end the content line early and let text inject properties).
     */
    void line(String line) throws IOException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("a content line must not contain a line break");
            }
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int room = MAX_OCTETS;
        while (bytes.length - start > room) {
            int cut = start + room;
            // Step back over UTF-8 continuation bytes (10xxxxxx) so a character stays whole.
            while ((bytes[cut] & 0xC0) == 0x80) {
                cut--;
            }
            write(bytes, start, cut - start);
            write(FOLD, 0, FOLD.length);
            start = cut;
            room = MAX_OCTETS - 1;
        }
        write(bytes, start, bytes.length - start);
        write(CRLF, 0, CRLF.length);
    }

    void flush() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
        out.flush();
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - buffered) {
            out.write(buffer, 0, buffered);
            buffered = 0;
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }
}
