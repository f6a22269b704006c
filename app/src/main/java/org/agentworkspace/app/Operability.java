package org.agentworkspace.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.agentworkspace.http.HttpOperations;
import org.agentworkspace.http.limits.Bucket4jRateLimiter;
import org.agentworkspace.http.limits.RateLimitSettings;
import org.agentworkspace.http.limits.TrustedProxies;
import org.agentworkspace.http.metrics.PrometheusMetrics;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The operator's controls around the HTTP layer: rate limits shared through the application's own
 * database (table from migration V10), the proxies trusted for {@code X-Forwarded-For}, one
 * Prometheus registry that also watches the connection pool, and Jersey's and Grizzly's
 * java.util.logging routed into SLF4J. Settings are read from the environment and checked at start.
 */
final class Operability implements AutoCloseable {
    /** Connections for rate-limit buckets alone; small, since each use is one short transaction. */
    private static final int BUCKET_POOL_SIZE = 4;

    private final Bucket4jRateLimiter limiter;
    private final HttpOperations http;
    private final HikariDataSource bucketPool;

    private Operability(Bucket4jRateLimiter limiter, HttpOperations http, HikariDataSource bucketPool) {
        this.limiter = limiter;
        this.http = http;
        this.bucketPool = bucketPool;
    }

    /**
     * @param pool the application's pool; when it is Hikari, its metrics join the registry
     * @throws ConfigException naming the variable that is out of range or unreadable
     */
    static Operability start(Map<String, String> env, DataSource pool) {
        RateLimitSettings limits = rateLimits(env);
        TrustedProxies proxies = trustedProxies(env);
        PrometheusMeterRegistry registry = PrometheusMetrics.withJvmMetrics();
        if (pool instanceof HikariDataSource hikari && hikari.getMetricsTrackerFactory() == null
                && hikari.getMetricRegistry() == null) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        HikariDataSource bucketPool = pool instanceof HikariDataSource hikari ? bucketPool(hikari) : null;
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(bucketPool != null ? bucketPool : pool, limits);
        return new Operability(limiter, HttpOperations.limited(limiter, proxies, registry), bucketPool);
    }

    /**
     * The buckets' own pool, whose sessions commit without waiting for the disk: a bucket is
     * written once per lease (a twentieth of its quota), and a crash may lose at most the last few counts,
     * which only ever makes a limit briefly more generous. Acknowledged data never goes through it.
     */
    private static HikariDataSource bucketPool(HikariDataSource application) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(application.getJdbcUrl());
        config.setUsername(application.getUsername());
        config.setPassword(application.getPassword());
        config.setMaximumPoolSize(BUCKET_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("agentworkspace-rate-limits");
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setConnectionInitSql("set synchronous_commit = off");
        return new HikariDataSource(config);
    }

    HttpOperations http() {
        return http;
    }

    static RateLimitSettings rateLimits(Map<String, String> env) {
        return new RateLimitSettings(
                perMinute(env, "AW_RATE_LIMIT_KEY_PER_MINUTE", RateLimitSettings.DEFAULT_KEY),
                perMinute(env, "AW_RATE_LIMIT_FEED_PER_MINUTE", RateLimitSettings.DEFAULT_FEED),
                perMinute(env, "AW_RATE_LIMIT_USER_PER_MINUTE", RateLimitSettings.DEFAULT_USER),
                perMinute(env, "AW_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", RateLimitSettings.DEFAULT_AUTH_FAILURES),
                Duration.ofMinutes(1));
    }

    static TrustedProxies trustedProxies(Map<String, String> env) {
        try {
            return TrustedProxies.parse(env.get("AW_TRUSTED_PROXIES"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("AW_TRUSTED_PROXIES: " + e.getMessage()
                    + " (use addresses or CIDR ranges such as 10.0.0.0/8, separated by commas)");
        }
    }

    private static long perMinute(Map<String, String> env, String name, long fallback) {
        String value = Optional.ofNullable(env.get(name)).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 1 || n > 1_000_000) {
                throw new ConfigException(name + " must be between 1 and 1000000 (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number of requests per minute (got '" + value + "')");
        }
    }

    /** Routes java.util.logging (Jersey, Grizzly, HK2) into SLF4J once per process, so Logback's levels rule them too. */
    static synchronized void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    @Override
    public void close() {
        limiter.close();
        if (bucketPool != null) {
            bucketPool.close();
        }
    }
}
