package org.agentworkspace.core.builders;

/** Texts of exact lengths for boundary tests. */
public final class Strings {
    private Strings() {
    }

    public static String ofLength(int n) {
        return "x".repeat(n);
    }

    /** {@code n} characters that are each two UTF-16 units, to prove lengths count code points. */
    public static String ofEmoji(int n) {
        return "\uD83D\uDE00".repeat(n);
    }
}
