package org.agentworkspace.core.domain;

import java.util.Objects;

/**
 * A field of a JSON request body as the caller sent it: absent, {@code null}, a value, or a value
 * of the wrong JSON type. Keeping the four apart lets partial updates change only what was sent,
 * lets {@code null} clear optional fields, and lets type errors join all other issues in one
 * response.
 */
public sealed interface Field<T> {
    record Absent<T>() implements Field<T> {
    }

    record Null<T>() implements Field<T> {
    }

    record Value<T>(T value) implements Field<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The caller sent something that is not a {@code expected} (e.g. "a string", "a boolean"). */
    record WrongType<T>(String expected) implements Field<T> {
        public WrongType {
            Objects.requireNonNull(expected, "expected");
        }
    }

    static <T> Field<T> absent() {
        return new Absent<>();
    }

    static <T> Field<T> ofNull() {
        return new Null<>();
    }

    static <T> Field<T> of(T value) {
        return new Value<>(value);
    }

    static <T> Field<T> wrongType(String expected) {
        return new WrongType<>(expected);
    }

    /** Absent when {@code value} is null; for callers that do not distinguish null from absent. */
    static <T> Field<T> ofNullable(T value) {
        return value == null ? absent() : of(value);
    }

    default boolean isPresent() {
        return !(this instanceof Absent);
    }
}
