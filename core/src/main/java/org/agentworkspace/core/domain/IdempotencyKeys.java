package org.agentworkspace.core.domain;

/** The contract's rule for {@code Idempotency-Key}: 1 to 255 printable ASCII characters. */
public final class IdempotencyKeys {
    public static final int MAX_LENGTH = 255;
    public static final String PATH = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** @throws ValidationFailed under the header's name when the key breaks the rule */
    public static void check(String key) {
        boolean ok = key != null && !key.isEmpty() && key.length() <= MAX_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
        if (!ok) {
            throw ValidationFailed.of(PATH, PATH + " must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }
}
