package org.agentworkspace.core.port.out;

/**
 * A {@link RecurrenceExpander} gave up: the rule generates too many candidates before or inside
 * the window to expand it. The expander reports what happened; the use case decides that the
 * caller hears a validation error on {@code rrule}, so adapters never speak the core's errors.
 */
public final class TooManyOccurrences extends RuntimeException {
    public TooManyOccurrences(String message) {
        super(message);
    }
}
