package org.agentworkspace.ics;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes iCalendar content lines (RFC 5545 §3.1) as UTF-8: each line ends with CRLF and is folded
 * so that no physical line exceeds 75 octets, without ever splitting a multi-byte UTF-8 sequence.
 *
 * <p>Written by hand because biweekly's writer (vinnie's {@code FoldedLineWriter}) counts
 * characters, not octets, so a line of emoji or CJK text would run to several hundred bytes.
 * A line is composed in one reusable builder ({@link #start(String)} … {@link #end()}) and
 * encoded into one reusable byte array, so writing a line allocates nothing: a 10,000-event feed
 * writes about 150,000 of them (docs/performance.md, "What changed"). Buffers internally;
 * {@link #flush()} pushes everything to the stream, which it never closes. Not thread-safe: one
 * writer per feed.
 */
final class ContentLineWriter {
    static final int MAX_OCTETS = 75;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] FOLD = {'\r', '\n', ' '};

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int buffered;
    private final StringBuilder line = new StringBuilder(256);
    private char[] chars = new char[256];
    private byte[] encoded = new byte[1024];

    ContentLineWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes one logical line; {@code line} must already be escaped and must not contain CR or LF
     * (a raw line break would end the content line early and let text inject properties).
     */
    void line(String text) throws IOException {
        int length = text.length();
        text.getChars(0, length, chars(length), 0);
        writeLine(encode(length));
    }

    /**
     * Starts composing a line with {@code name} (the property name and whatever follows it); the
     * caller appends the rest to the answered builder and then calls {@link #end()}. The builder
     * is the writer's own and is only valid until then.
     */
    StringBuilder start(String name) {
        line.setLength(0);
        return line.append(name);
    }

    /** Writes the line composed since {@link #start(String)}, with the same rules as {@link #line}. */
    void end() throws IOException {
        int length = line.length();
        line.getChars(0, length, chars(length), 0);
        writeLine(encode(length));
    }

    void flush() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
        out.flush();
    }

    /** The reusable array for a line's characters, at least {@code length} long. */
    private char[] chars(int length) {
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        return chars;
    }

    /**
     * UTF-8 of the first {@code length} of {@link #chars} into {@link #encoded}, answering its
     * length. A lone surrogate becomes {@code ?}, as {@code String.getBytes(UTF_8)} writes it, so
     * the bytes match what the feed always had. Copying the characters out first is what makes
     * this loop as fast as {@code getBytes}: reading a builder through {@code charAt} checks its
     * bounds and coding on every character.
     */
    private int encode(int length) {
        char[] text = chars;
        if (encoded.length < length * 3) {
            // Three octets per UTF-16 unit is the most UTF-8 needs (a surrogate pair is 4 for 2 units).
            encoded = new byte[Math.max(length * 3, encoded.length * 2)];
        }
        byte[] bytes = encoded;
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < 0x80) {
                if (c == '\r' || c == '\n') {
                    throw new IllegalArgumentException("a content line must not contain a line break");
                }
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xC0 | c >> 6);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < length ? text[i + 1] : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    bytes[n++] = (byte) (0xF0 | cp >> 18);
                    bytes[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    bytes[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[n++] = (byte) (0x80 | cp & 0x3F);
                    i++;
                } else {
                    bytes[n++] = '?';
                }
            } else {
                bytes[n++] = (byte) (0xE0 | c >> 12);
                bytes[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    private void writeLine(int length) throws IOException {
        byte[] bytes = encoded;
        int start = 0;
        int room = MAX_OCTETS;
        while (length - start > room) {
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
        write(bytes, start, length - start);
        write(CRLF, 0, CRLF.length);
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
