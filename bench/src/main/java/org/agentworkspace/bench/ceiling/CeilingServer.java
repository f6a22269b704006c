package org.agentworkspace.bench.ceiling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the ceiling process: {@code CeilingServer <port> <jdbcUrl> <user> <poolSize>}.
 * Creates (once) a 10,000-row table in its own schema of the product's database, then serves
 * {@code /hello} and {@code /row} until killed. Started exactly like the product (same JVM flags,
 * same Grizzly defaults, same pool size) so that the ratio between them is the product's cost.
 */
public final class CeilingServer {
    static final int ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(CeilingServer.class);

    private CeilingServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setMaximumPoolSize(Integer.parseInt(args[3]));
        HikariDataSource pool = new HikariDataSource(config);
        createTable(pool);
        ResourceConfig resources = new ResourceConfig().register(new CeilingResource(pool));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                resources, false);
        server.start();
        LOG.info("Ceiling listening on port {}", port);
        new CountDownLatch(1).await();
    }

    private static void createTable(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench_ceiling");
            s.execute("create table if not exists bench_ceiling.rows (id integer primary key, title text not null,"
                    + " start_at timestamptz not null, end_at timestamptz not null)");
            try (PreparedStatement insert = c.prepareStatement("insert into bench_ceiling.rows"
                    + " select g, 'Row ' || g, now() + g * interval '1 hour', now() + g * interval '1 hour' + interval '30 minutes'"
                    + " from generate_series(1, ?) g on conflict do nothing")) {
                insert.setInt(1, ROWS);
                insert.executeUpdate();
            }
            s.execute("analyze bench_ceiling.rows");
        }
    }
}
