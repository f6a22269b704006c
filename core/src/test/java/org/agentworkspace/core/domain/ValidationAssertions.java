package org.agentworkspace.core.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class ValidationAssertions {
    private ValidationAssertions() {
    }

    static List<Issue> issuesOf(ThrowingCallable call) {
        AtomicReference<List<Issue>> issues = new AtomicReference<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class, e -> issues.set(e.issues()));
        return issues.get();
    }
}
