package org.agentworkspace.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The contract's rules for an API key (API.md › "Keys and scopes"): {@code label} 1–100
 * characters, optional; {@code scopes} a non-empty list of known scope names, all of them when
 * absent; {@code expiresAt} an ISO 8601 instant after now, optional; a rotation's
 * {@code graceSeconds} 0–86,400, default 0.
 */
public final class KeyRules {
    public static final int LABEL_MAX = 100;
    public static final long GRACE_MAX_SECONDS = 86_400;

    private KeyRules() {
    }

    /** The fields of a new key. */
    public record KeyData(String label, Set<Scope> scopes, Instant expiresAt) {
        public KeyData {
            scopes = Set.copyOf(scopes);
        }
    }

    /** @throws ValidationFailed with every issue */
    public static KeyData forCreate(Field<String> label, Field<List<String>> scopes, Field<String> expiresAt,
                                    Instant now) {
        Issues issues = new Issues();
        String validLabel = Fields.optional(label, "label", issues);
        if (validLabel != null && !Fields.lengthBetween(validLabel, 1, LABEL_MAX)) {
            issues.add("label", "label must be 1 to " + LABEL_MAX + " characters");
        }
        Set<Scope> validScopes = scopes(scopes, issues);
        Instant validExpiry = null;
        String expiryText = Fields.optional(expiresAt, "expiresAt", issues);
        if (expiryText != null) {
            validExpiry = Instants.dateTime(expiryText);
            if (validExpiry == null) {
                issues.add("expiresAt", "expiresAt must be an ISO 8601 date-time with offset, e.g. " + Instants.EXAMPLE);
            } else if (!validExpiry.isAfter(now)) {
                issues.add("expiresAt", "expiresAt must be in the future");
            } else if (!Instants.inSupportedRange(validExpiry)) {
                issues.add("expiresAt", Instants.rangeMessage("expiresAt"));
            }
        }
        issues.throwIfAny();
        return new KeyData(validLabel, validScopes, validExpiry);
    }

    /** How long a rotated key's previous secret keeps working. @throws ValidationFailed when out of range */
    public static Duration grace(Field<Long> graceSeconds) {
        Issues issues = new Issues();
        Long seconds = Fields.optional(graceSeconds, "graceSeconds", issues);
        if (seconds != null && (seconds < 0 || seconds > GRACE_MAX_SECONDS)) {
            issues.add("graceSeconds", "graceSeconds must be between 0 and " + GRACE_MAX_SECONDS);
        }
        issues.throwIfAny();
        return Duration.ofSeconds(seconds == null ? 0 : seconds);
    }

    private static Set<Scope> scopes(Field<List<String>> scopes, Issues issues) {
        List<String> names = Fields.optional(scopes, "scopes", issues);
        if (names == null) {
            if (scopes instanceof Field.Null<List<String>>) {
                issues.add("scopes", "scopes must be a list of scopes, or left out for all of them");
            }
            return Scope.all();
        }
        Set<Scope> valid = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope.fromWire(name).ifPresentOrElse(valid::add,
                    () -> issues.add("scopes", "unknown scope '" + name + "'; known scopes: " + knownNames()));
        }
        if (names.isEmpty()) {
            issues.add("scopes", "scopes must name at least one scope (leave it out for all of them)");
        }
        return valid.isEmpty() ? Scope.all() : valid;
    }

    private static String knownNames() {
        return String.join(", ", Scope.all().stream().map(Scope::wireName).toList());
    }
}
