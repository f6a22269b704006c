package org.agentworkspace.core.domain;

/**
 * Reads {@link Field}s for the validators: turns "absent", {@code null} and wrong JSON types into
 * the contract's messages, and measures text the way the contract counts characters.
 */
final class Fields {
    private Fields() {
    }

    /**
     * The value of a required field, or {@code null} after recording why there is none.
     * {@code required} is false on updates, where absence means "keep the stored value" and is
     * resolved before validation.
     */
    static <T> T required(Field<T> field, String path, Issues issues) {
        if (field instanceof Field.Value<T> v) {
            return noNul(v.value(), path, issues);
        }
        if (field instanceof Field.WrongType<T> w) {
            issues.add(path, path + " must be " + w.expected());
        } else if (field instanceof Field.Null<T>) {
            issues.add(path, path + " must not be null");
        } else {
            issues.add(path, path + " is required");
        }
        return null;
    }

    /** The value of an optional field; {@code null} when absent or sent as {@code null} (which clears it). */
    static <T> T optional(Field<T> field, String path, Issues issues) {
        if (field instanceof Field.Value<T> v) {
            return noNul(v.value(), path, issues);
        }
        if (field instanceof Field.WrongType<T> w) {
            issues.add(path, path + " must be " + w.expected());
        }
        return null;
    }

    /** Every text field passes here: the NUL rule of {@link Text} is checked once, for all of them. */
    private static <T> T noNul(T value, String path, Issues issues) {
        if (value instanceof String text) {
            Text.checkNoNul(text, path, issues);
        }
        return value;
    }

    /** Characters as people count them: code points, so an emoji is one, not two UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static boolean lengthBetween(String text, int min, int max) {
        int n = length(text);
        return n >= min && n <= max;
    }

    /** Checks an optional text's maximum length; {@code null} passes. */
    static void maxLength(String text, int max, String path, Issues issues) {
        if (text != null && length(text) > max) {
            issues.add(path, path + " must be at most " + max + " characters");
        }
    }
}
