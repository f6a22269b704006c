package org.agentworkspace.app;

import static org.agentworkspace.app.EnvironmentVariables.integer;
import static org.agentworkspace.app.EnvironmentVariables.text;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the operator can set, read once from the environment and validated at start with
 * messages that name the variable. Secrets are held but never printed by {@link #toString()}.
 */
public record AppConfig(
        int port,
        String host,
        Optional<DatabaseUrl> database,
        Optional<DatabaseUrl> migrationDatabase,
        Path dataDir,
        String publicUrl,
        int poolSize,
        Optional<String> clerkJwtKey,
        Optional<URI> clerkJwksUrl,
        Optional<String> clerkPublishableKey,
        Optional<String> clerkIssuer,
        Set<String> clerkAuthorizedParties,
        Optional<String> clerkWebhookSecret,
        boolean localLoginAllowedOffLoopback,
        boolean privilegedDatabaseRoleAllowed) {

    public static AppConfig fromEnvironment(Map<String, String> env) {
        int port = integer(env, "PORT", 8080, 0, 65535);
        String host = text(env, "HOST").orElse("127.0.0.1");
        Optional<DatabaseUrl> database = text(env, "DATABASE_URL").map(v -> DatabaseUrl.parse("DATABASE_URL", v));
        Optional<DatabaseUrl> migration = text(env, "DATABASE_MIGRATION_URL")
                .map(v -> DatabaseUrl.parse("DATABASE_MIGRATION_URL", v));
        if (migration.isPresent() && database.isEmpty()) {
            throw new ConfigException("DATABASE_MIGRATION_URL is set but DATABASE_URL is not; set both or neither");
        }
        Path dataDir = Path.of(text(env, "AW_DATA_DIR").orElse("./.agentworkspace")).toAbsolutePath().normalize();
        String publicUrl = text(env, "AW_PUBLIC_URL").map(AppConfig::checkedPublicUrl)
                .orElse("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        int poolSize = integer(env, "AW_DB_POOL_SIZE", 10, 1, 200);
        Optional<URI> jwks = text(env, "CLERK_JWKS_URL").map(AppConfig::checkedJwksUrl);
        Set<String> parties = text(env, "CLERK_AUTHORIZED_PARTIES")
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        Optional<String> webhookSecret = text(env, "CLERK_WEBHOOK_SIGNING_SECRET");
        webhookSecret.ifPresent(s -> {
            if (!s.startsWith("whsec_")) {
                throw new ConfigException("CLERK_WEBHOOK_SIGNING_SECRET must start with whsec_ (copy it from Clerk's webhook endpoint page)");
            }
        });
        boolean localLogin = bool(env, "AW_LOCAL_LOGIN", false);
        if (!bool(env, "AW_ALLOW_INSECURE_DATABASE", false)) {
            requireTls("DATABASE_URL", database);
            requireTls("DATABASE_MIGRATION_URL", migration);
        }
        AppConfig config = new AppConfig(port, host, database, migration, dataDir, publicUrl, poolSize,
                text(env, "CLERK_JWT_KEY"), jwks, text(env, "CLERK_PUBLISHABLE_KEY"), text(env, "CLERK_ISSUER"),
                parties, webhookSecret, localLogin, bool(env, "AW_ALLOW_PRIVILEGED_DATABASE_ROLE", false));
        if (config.localMode() && !isLoopback(host) && !localLogin) {
            throw new ConfigException("HOST=" + host + " is not a loopback address and no Clerk key is configured: "
                    + "local sign-in would be reachable from the network. Set CLERK_JWT_KEY or CLERK_JWKS_URL, "
                    + "or set AW_LOCAL_LOGIN=true to accept that.");
        }
        return config;
    }

    /** Credentials and data must not cross a network in plain text (issue 15). */
    private static void requireTls(String variable, Optional<DatabaseUrl> url) {
        if (url.isPresent() && url.get().unencryptedOverTheNetwork()) {
            throw new ConfigException(variable + " names a host that is not loopback (" + String.join(",", url.get().hosts())
                    + ") with sslmode=" + url.get().sslMode() + ", which may send credentials and data unencrypted. "
                    + "Add sslmode=verify-full (with sslrootcert=<CA file> unless the server's certificate is publicly "
                    + "trusted) or at least sslmode=require, or set AW_ALLOW_INSECURE_DATABASE=true to accept that.");
        }
    }

    /** No Clerk key configured: dashboard sessions are signed by the local key only. */
    public boolean localMode() {
        return clerkJwtKey.isEmpty() && clerkJwksUrl.isEmpty();
    }

    public boolean embeddedDatabase() {
        return database.isEmpty();
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException("HOST=" + host + " is neither an address nor a resolvable name");
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(name + " must be true or false (got '" + value.get() + "')");
        };
    }

    private static String checkedPublicUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException("AW_PUBLIC_URL must be an absolute http(s) URL such as https://cal.example.com");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException("AW_PUBLIC_URL must not carry a query or fragment");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        } catch (URISyntaxException e) {
            throw new ConfigException("AW_PUBLIC_URL is not a valid URL: " + e.getReason());
        }
    }

    private static URI checkedJwksUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new ConfigException("CLERK_JWKS_URL must be an http(s) URL such as https://<your-app>.clerk.accounts.dev/.well-known/jwks.json");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("CLERK_JWKS_URL is not a valid URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "AppConfig[port=" + port + ", host=" + host
                + ", database=" + database.map(DatabaseUrl::describe).orElse("embedded in " + dataDir)
                + ", publicUrl=" + publicUrl + ", poolSize=" + poolSize
                + ", clerk=" + (localMode() ? "local mode" : clerkJwksUrl.map(u -> "JWKS " + u).orElse("PEM key"))
                + ", webhook=" + (clerkWebhookSecret.isPresent() ? "configured" : "not configured") + "]";
    }
}
