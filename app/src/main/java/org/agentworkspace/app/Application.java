package org.agentworkspace.app;

import java.net.URI;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.usecase.Ports;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.UseCases;
import org.agentworkspace.http.AgentWorkspaceHttp;
import org.agentworkspace.http.HttpSettings;
import org.agentworkspace.ics.BiweeklyFeedRenderer;
import org.agentworkspace.ics.BiweeklyRecurrenceExpander;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.persistence.JooqPersistence;
import org.agentworkspace.persistence.PooledDataSources;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled application: database (embedded or {@code DATABASE_URL}), migrations, every
 * adapter plugged into the core's use cases, and on demand the HTTP server. Plain constructor
 * wiring; the HK2 container only receives finished instances.
 */
final class Application implements AutoCloseable {
    private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AppConfig config;
    private final EmbeddedDatabase embedded;
    private final AutoCloseable pool;
    private final DataSource dataSource;
    private final UseCases useCases;
    private final FeedUrls feedUrls;
    private final SessionSetup sessions;
    private final Transactions transactions;
    private Operability operability;

    private Application(AppConfig config, EmbeddedDatabase embedded, AutoCloseable pool, DataSource dataSource,
                        UseCases useCases, FeedUrls feedUrls, SessionSetup sessions, Transactions transactions) {
        this.config = config;
        this.embedded = embedded;
        this.pool = pool;
        this.dataSource = dataSource;
        this.useCases = useCases;
        this.feedUrls = feedUrls;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    static Application open(AppConfig config) {
        EmbeddedDatabase embedded = config.embeddedDatabase() ? EmbeddedDatabase.start(config.dataDir()) : null;
        try {
            DatabaseUrl url = embedded != null ? embedded.url() : config.database().orElseThrow();
            DatabaseUrl migrationUrl = embedded != null ? embedded.migrationUrl() : config.migrationDatabase().orElse(url);
            var pool = PooledDataSources.create(url.jdbcUrl(), url.user(), url.password(), config.poolSize());
            try {
                migrate(migrationUrl, migrationUrl.equals(url) ? "" : connectedRole(pool));
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            JooqPersistence persistence = JooqPersistence.create(pool);
            SessionSetup sessions = SessionSetup.from(config);
            Ports ports = new Ports(persistence.transactions(), persistence.credentials(), persistence.users(),
                    persistence.agents(), persistence.events(), persistence.documents(), persistence.subscriptions(),
                    persistence.apiKeys(), persistence.audit(), persistence.idempotency(),
                    persistence.processedWebhooks(), new BiweeklyRecurrenceExpander(), new BiweeklyFeedRenderer(),
                    sessions.verifier());
            UseCases useCases = UseCases.create(ports, Settings.defaults());
            Application app = new Application(config, embedded, pool, pool, useCases,
                    new FeedUrls(config.publicUrl()), sessions, persistence.transactions());
            sessions.prepareLocalOwner(useCases);
            return app;
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * Migrates as the owner and grants the server's role what it needs; {@code runtimeRole} is
     * empty when one role does both (row-level security is forced, so it filters that role too).
     */
    private static void migrate(DatabaseUrl url, String runtimeRole) {
        // Flyway holds its lock on one connection while the migrations and the afterMigrate callback use others.
        try (var migrationPool = PooledDataSources.create(url.jdbcUrl(), url.user(), url.password(), 4)) {
            FlywayMigrations.migrate(migrationPool, runtimeRole);
        }
    }

    /** The role the server's connections run as, whatever form its URL named it in. */
    private static String connectedRole(DataSource runtime) {
        try (Connection c = runtime.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not connect with DATABASE_URL: " + e.getMessage(), e);
        }
    }

    UseCases useCases() {
        return useCases;
    }

    FeedUrls feedUrls() {
        return feedUrls;
    }

    String schemaVersion() {
        return FlywayMigrations.currentVersion(dataSource);
    }

    /** In local mode: a fresh one-time sign-in URL (the previous one stops working). */
    String renewLocalSignIn() {
        return sessions.renewSignIn(config.publicUrl());
    }

    /** The sign-in URL printed at start in local mode. */
    Optional<String> localSignInUrl() {
        return config.localMode() ? Optional.of(renewLocalSignIn()) : Optional.empty();
    }

    ResourceConfig resourceConfig() {
        if (operability == null) {
            operability = Operability.start(System.getenv(), dataSource);
        }
        ResourceConfig resources = AgentWorkspaceHttp.resourceConfig(HttpSettings.of(feedUrls), useCases,
                this::databaseAnswers, operability.http());
        sessions.registerResources(resources, useCases);
        return resources;
    }

    RunningServer startServer() {
        URI requested = URI.create("http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host())
                + ":" + config.port() + "/");
        Operability.bridgeJavaUtilLogging();
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(requested, resourceConfig(), false);
        // Grizzly answers an over-long request head itself, with an empty 400; a roomier limit lets
        // long query strings reach our validation and its contract-shaped errors.
        server.getListeners().forEach(listener -> listener.setMaxHttpHeaderSize(MAX_REQUEST_HEAD_BYTES));
        try {
            server.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        int port = server.getListeners().iterator().next().getPort();
        URI actual = URI.create("http://" + requested.getHost() + ":" + port);
        LOG.info("Listening on {}", actual);
        return new RunningServer(server, actual);
    }

    /**
     * A real transaction through the same path as every request: during an outage it answers at
     * once (the transactions fail fast), and its success is what lets requests through again.
     */
    private boolean databaseAnswers() {
        try {
            return transactions.inTransaction(() -> Boolean.TRUE);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (operability != null) {
            operability.close();
        }
        try {
            pool.close();
        } catch (Exception e) {
            LOG.warn("Could not close the connection pool cleanly", e);
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
