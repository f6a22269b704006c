package org.agentworkspace.http.it;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the integration tests on one {@link ItStack} share: the stack, started on a fresh database
 * before a class's first test and closed after its last, and agents of new users on it. Test
 * classes run one after another (no JUnit parallelism is configured), so the one static field
 * serves each class in turn.
 */
abstract class OnItStack {
    private static final AtomicInteger USERS = new AtomicInteger();
    static ItStack stack;

    @BeforeAll
    static void startStack() {
        stack = ItStack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    /** An agent "Atlas" of a new user, whose id starts with {@code userPrefix}. */
    static ItStack.NewAgent newAgentOf(String userPrefix) {
        return stack.newUserWithAgent(userPrefix + USERS.incrementAndGet(), "Atlas");
    }
}
