package org.agentworkspace.app;

import java.util.Map;
import java.util.Optional;

/**
 * Reading one environment variable, as every settings class of the app does: a blank value is an
 * unset one, and a value out of its range stops the start with a {@link ConfigException} naming it.
 */
final class EnvironmentVariables {
    private EnvironmentVariables() {
    }

    /** The trimmed value; empty when the variable is unset or blank. */
    static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isBlank());
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when unset. */
    static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < min || n > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number (got '" + value.get() + "')");
        }
    }
}
