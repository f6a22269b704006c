package org.agentworkspace.core.domain;

import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void one_to_255_printable_ascii_characters_pass() {
        assertThatCode(() -> IdempotencyKeys.check("k")).doesNotThrowAnyException();
        assertThatCode(() -> IdempotencyKeys.check("x".repeat(255))).doesNotThrowAnyException();
        assertThatCode(() -> IdempotencyKeys.check("order 42/retry-~!")).doesNotThrowAnyException();
    }

    @Test
    void empty_too_long_and_non_printable_keys_fail_under_the_header_name() {
        for (String key : new String[] {"", "x".repeat(256), "tab\there", "caf\u00e9", null}) {
            assertThat(issuesOf(() -> IdempotencyKeys.check(key))).containsExactly(
                    new Issue("Idempotency-Key", "Idempotency-Key must be 1 to 255 printable ASCII characters"));
        }
    }
}
