package org.agentworkspace.core.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class ValidationAssertions {
    private ValidationAssertions() {
    }

    static List<Issue> issuesOf(ThrowingCallable call) {
        List<Issue>[] holder = new List[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class, e -> holder[0] = e.issues());
        return holder[0];
    }
}
