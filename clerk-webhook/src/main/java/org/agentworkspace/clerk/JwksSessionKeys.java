package org.agentworkspace.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agentworkspace.core.domain.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clerk's JSON Web Key Set ({@code CLERK_JWKS_URL}), fetched on first use and cached.
 *
 * <p>The set is fetched again when a token names a {@code kid} the cache lacks (Clerk rotated its
 * key) or the cache is older than {@link #MAX_AGE} (a withdrawn key stops being trusted), but at
 * most once per minimum refresh interval, whether the last attempt worked or not: tokens with
 * made-up key ids, or a JWKS endpoint that is down, cannot make us hammer it. A failed refresh keeps
 * the keys already known. Only RSA keys meant for signatures with RS256 (or no stated use and
 * algorithm) are kept. Redirects are not followed.
 */
public final class JwksSessionKeys implements SessionKeys {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MAX_AGE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(JwksSessionKeys.class);
    // Clerk's set holds a handful of keys, a few KiB; anything far larger is not a JWKS.
    private static final int MAX_BODY_CHARS = 512 * 1024;

    private final URI url;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration minRefreshInterval;
    private final Clock clock;

    private volatile KeySet cached;
    private Instant lastAttempt;

    /** The JWKS at {@code url} with the default timeouts (2 s connect, 3 s read) and 30 s refresh limit. */
    public JwksSessionKeys(URI url) {
        this(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MIN_REFRESH_INTERVAL, Clock.systemUTC());
    }

    /**
     * @param readTimeout the longest a whole fetch may take once connected, body included
     * @param minRefreshInterval the least time between two fetches
     * @param clock decides when the refresh interval and {@link #MAX_AGE} have passed
     */
    public JwksSessionKeys(URI url, Duration connectTimeout, Duration readTimeout, Duration minRefreshInterval,
                           Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("CLERK_JWKS_URL must be an http(s) URL");
        }
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public List<RSAPublicKey> candidates(String keyId) {
        KeySet known = cached;
        if (known != null && known.has(keyId) && !isOld(known)) {
            return known.keysFor(keyId);
        }
        synchronized (this) {
            known = cached;
            boolean wanted = known == null || !known.has(keyId) || isOld(known);
            if (wanted && mayAttempt()) {
                known = refresh(known);
            }
            if (known == null) {
                throw new Unavailable("Session keys cannot be fetched");
            }
            return known.keysFor(keyId);
        }
    }

    private boolean isOld(KeySet set) {
        return set.fetchedAt().plus(MAX_AGE).isBefore(clock.instant());
    }

    private boolean mayAttempt() {
        return lastAttempt == null || !clock.instant().isBefore(lastAttempt.plus(minRefreshInterval));
    }

    private KeySet refresh(KeySet previous) {
        lastAttempt = clock.instant();
        try {
            KeySet fresh = KeySet.from(fetch(), clock.instant());
            cached = fresh;
            return fresh;
        } catch (IOException | ParseException | RuntimeException e) {
            // Whatever the endpoint sent, a failed refresh must leave the known keys in place.
            LOG.warn("Could not refresh the session keys from {}: {}", url, e.getMessage());
            return previous;
        }
    }

    private String fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // The request timeout stops at the response headers; this bounds the body too.
            response = call.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException("timed out after " + readTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause() == null ? "request failed" : e.getCause().toString());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        if (response.body().length() > MAX_BODY_CHARS) {
            throw new IOException("response too large");
        }
        return response.body();
    }

    /** The usable keys of one fetched set, by key id. */
    private record KeySet(Map<String, RSAPublicKey> byId, List<RSAPublicKey> all, Instant fetchedAt) {

        static KeySet from(String json, Instant fetchedAt) throws ParseException {
            Map<String, RSAPublicKey> byId = new HashMap<>();
            List<RSAPublicKey> all = new ArrayList<>();
            for (JWK jwk : JWKSet.parse(json).getKeys()) {
                if (!(jwk instanceof RSAKey rsa) || !usableForRs256(rsa)) {
                    continue;
                }
                try {
                    RSAPublicKey key = rsa.toRSAPublicKey();
                    if (key.getModulus().bitLength() < RsaKeys.MIN_BITS) {
                        continue;
                    }
                    all.add(key);
                    if (rsa.getKeyID() != null) {
                        byId.put(rsa.getKeyID(), key);
                    }
                } catch (JOSEException e) {
                    LOG.warn("Skipping an unreadable RSA key in the JWKS: {}", e.getMessage());
                }
            }
            return new KeySet(Map.copyOf(byId), List.copyOf(all), fetchedAt);
        }

        private static boolean usableForRs256(RSAKey key) {
            return (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                    && (key.getAlgorithm() == null || JWSAlgorithm.RS256.equals(key.getAlgorithm()));
        }

        boolean has(String keyId) {
            return keyId == null ? !all.isEmpty() : byId.containsKey(keyId);
        }

        List<RSAPublicKey> keysFor(String keyId) {
            if (keyId == null) {
                return all;
            }
            RSAPublicKey key = byId.get(keyId);
            return key == null ? List.of() : List.of(key);
        }
    }
}
