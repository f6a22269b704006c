package org.agentworkspace.app;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The origins a cookie-authenticated dashboard write may come from (issue 15, item 6): the
 * server's own — {@code AW_PUBLIC_URL} and {@code http://HOST:PORT}, with {@code localhost} and
 * {@code 127.0.0.1} both when bound to loopback — and Clerk's authorized parties when configured.
 */
final class TrustedOrigins {
    private TrustedOrigins() {
    }

    static Set<String> of(AppConfig config) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add(origin(URI.create(config.publicUrl())));
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        origins.add("http://" + host + ":" + config.port());
        if (AppConfig.isLoopback(config.host())) {
            origins.add("http://localhost:" + config.port());
            origins.add("http://127.0.0.1:" + config.port());
            origins.add("http://[::1]:" + config.port());
        }
        for (String party : config.clerkAuthorizedParties()) {
            try {
                origins.add(origin(URI.create(party)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CLERK_AUTHORIZED_PARTIES: '" + party + "' is not an origin such as https://app.example.com");
            }
        }
        return origins;
    }

    /** {@code scheme://host[:port]} as a browser writes {@code Origin}: no default port, no path. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
