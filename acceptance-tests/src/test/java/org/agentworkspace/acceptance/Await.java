package org.agentworkspace.acceptance;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition the load will bring about, with a deadline: a stalled run fails, it never hangs. */
final class Await {
    private Await() {
    }

    /** @throws AssertionError naming {@code what} when {@code condition} is still false after {@code limit} */
    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up after " + limit + " waiting until " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what, e);
            }
        }
    }
}
