package org.agentworkspace.core.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A strict RFC 8259 syntax check, without building a tree: sheet content is stored as the text the
 * agent sent, so the core only needs to know it is well-formed and shaped as an array of objects.
 *
 * <p>It walks the text with an explicit stack (no recursion), so deeply nested input cannot
 * overflow the thread's stack; nesting beyond {@link #MAX_DEPTH} is refused.
 */
final class JsonSyntax {
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Empty when {@code text} is a JSON array whose elements are all objects; else what is wrong and where. */
    static Optional<String> checkArrayOfObjects(String text) {
        try {
            new JsonSyntax(text).arrayOfObjects();
            return Optional.empty();
        } catch (Malformed e) {
            return Optional.of(e.getMessage());
        }
    }

    private void arrayOfObjects() {
        skipWhitespace();
        expect('[', "must start with '[' (an array of row objects)");
        skipWhitespace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                if (peek() != '{') {
                    throw fail("each element must be an object such as {\"name\": \"Ada\"}");
                }
                value();
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']', "expected ',' or ']'");
                    break;
                }
            }
        }
        skipWhitespace();
        if (pos != text.length()) {
            throw fail("unexpected text after the array");
        }
    }

    /** One value of any kind; containers are walked with an explicit stack. */
    private void value() {
        Deque<Character> open = new ArrayDeque<>();
        boolean expectValue = true;
        while (true) {
            skipWhitespace();
            if (expectValue) {
                char c = peek();
                if (c == '{' || c == '[') {
                    if (open.size() >= MAX_DEPTH) {
                        throw fail("nesting deeper than " + MAX_DEPTH + " levels");
                    }
                    pos++;
                    open.push(c);
                    skipWhitespace();
                    char close = c == '{' ? '}' : ']';
                    if (peek() == close) {
                        pos++;
                        open.pop();
                        expectValue = false;
                    } else if (c == '{') {
                        member();
                    }
                    if (open.isEmpty()) {
                        return;
                    }
                    continue;
                }
                scalar();
                expectValue = false;
                if (open.isEmpty()) {
                    return;
                }
                continue;
            }
            char container = open.peek();
            char c = peek();
            if (c == ',') {
                pos++;
                if (container == '{') {
                    skipWhitespace();
                    member();
                }
                expectValue = true;
            } else if ((container == '{' && c == '}') || (container == '[' && c == ']')) {
                pos++;
                open.pop();
                if (open.isEmpty()) {
                    return;
                }
            } else {
                throw fail(container == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
    }

    /** A member's name and colon; the value follows. */
    private void member() {
        if (peek() != '"') {
            throw fail("expected a member name in double quotes");
        }
        string();
        skipWhitespace();
        expect(':', "expected ':' after a member name");
    }

    private void scalar() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else if (text.startsWith("true", pos)) {
            pos += 4;
        } else if (text.startsWith("false", pos)) {
            pos += 5;
        } else if (text.startsWith("null", pos)) {
            pos += 4;
        } else {
            throw fail("expected a value");
        }
    }

    private void string() {
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw fail("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw fail("control character in a string must be escaped");
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw fail("unterminated string");
                }
                char e = text.charAt(pos++);
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (pos >= text.length() || Character.digit(text.charAt(pos), 16) < 0) {
                            throw fail("\\u must be followed by four hex digits");
                        }
                        pos++;
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw fail("invalid escape \\" + e);
                }
            }
        }
    }

    private void number() {
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (digit()) {
            digits();
        } else {
            throw fail("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!digit()) {
                throw fail("invalid number");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digit()) {
                throw fail("invalid number");
            }
            digits();
        }
    }

    private boolean digit() {
        char c = peek();
        return c >= '0' && c <= '9';
    }

    private void digits() {
        while (digit()) {
            pos++;
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c, String message) {
        if (peek() != c) {
            throw fail(message);
        }
        pos++;
    }

    private Malformed fail(String message) {
        return new Malformed(message + " at character " + (pos + 1));
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
