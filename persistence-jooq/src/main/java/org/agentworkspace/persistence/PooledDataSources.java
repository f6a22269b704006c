package org.agentworkspace.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** HikariCP pools with bounds that keep a database outage from hanging requests. */
public final class PooledDataSources {
    private PooledDataSources() {
    }

    /**
     * @param user and {@code password} may be {@code null} when the JDBC URL carries them
     */
    public static HikariDataSource create(String jdbcUrl, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setPoolName("agentworkspace");
        // A request waits at most this long for a connection, then answers 503.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        // Starts even while the database is away; /readyz says 503 until it answers.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "agentworkspace");
        return new HikariDataSource(config);
    }
}
