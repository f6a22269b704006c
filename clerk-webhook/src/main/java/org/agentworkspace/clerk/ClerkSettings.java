package org.agentworkspace.clerk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claim checks a session token must pass besides its signature and lifetime.
 *
 * @param issuer when present, the token's {@code iss} must equal it (Clerk's Frontend API URL)
 * @param authorizedParties when non-empty, a token that carries {@code azp} must name one of these
 *     origins; a token without {@code azp} is not refused for it
 * @param clockSkew how far {@code exp} and {@code nbf} may be off our clock
 */
public record ClerkSettings(Optional<String> issuer, Set<String> authorizedParties, Duration clockSkew) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public ClerkSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizedParties, "authorizedParties");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW);
        }
        issuer = issuer.map(String::strip).filter(value -> !value.isEmpty()).map(ClerkSettings::withoutTrailingSlash);
        authorizedParties = authorizedParties.stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(ClerkSettings::withoutTrailingSlash)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The given checks with the {@linkplain #DEFAULT_CLOCK_SKEW default clock skew}. */
    public static ClerkSettings of(Optional<String> issuer, Set<String> authorizedParties) {
        return new ClerkSettings(issuer, authorizedParties, DEFAULT_CLOCK_SKEW);
    }

    /** Local mode: only tokens of {@link LocalSessionIssuer} are accepted. */
    public static ClerkSettings localMode() {
        return of(Optional.of(LocalSessionIssuer.ISSUER), Set.of());
    }

    boolean acceptsIssuer(String tokenIssuer) {
        return issuer.isEmpty() || (tokenIssuer != null && issuer.get().equals(withoutTrailingSlash(tokenIssuer)));
    }

    boolean acceptsAuthorizedParty(String azp) {
        return azp == null || authorizedParties.isEmpty() || authorizedParties.contains(withoutTrailingSlash(azp));
    }

    // An origin or URL pasted with or without its final slash names the same thing.
    private static String withoutTrailingSlash(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
