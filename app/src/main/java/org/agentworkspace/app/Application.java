package org.agentworkspace.app;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.usecase.Ports;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.SyncPorts;
import org.agentworkspace.core.usecase.SyncSettings;
import org.agentworkspace.core.usecase.SyncUseCases;
import org.agentworkspace.core.usecase.UseCases;
import org.agentworkspace.http.AgentWorkspaceHttp;
import org.agentworkspace.http.HttpSettings;
import org.agentworkspace.http.edge.EdgeServer;
import org.agentworkspace.http.JacksonWebhookBodies;
import org.agentworkspace.http.SyncHttpUseCases;
import org.agentworkspace.ics.BiweeklyRecurrenceExpander;
import org.agentworkspace.ics.IcsFeedRenderer;
import org.agentworkspace.mcp.AgentWorkspaceMcp;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.persistence.JooqChangeRepository;
import org.agentworkspace.persistence.JooqPersistence;
import org.agentworkspace.persistence.PooledDataSources;
import org.agentworkspace.webhooks.AddressGuard;
import org.agentworkspace.webhooks.JdkWebhookTransport;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled application: database (embedded or {@code DATABASE_URL}), migrations, every
 * adapter plugged into the core's use cases, and on demand the HTTP server. Plain constructor
 * wiring; the HK2 container only receives finished instances.
 */
final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AppConfig config;
    private final EmbeddedDatabase embedded;
    private final AutoCloseable pool;
    private final DataSource dataSource;
    private final UseCases useCases;
    private final FeedUrls feedUrls;
    private final SessionSetup sessions;
    private final Transactions transactions;
    private final org.agentworkspace.persistence.JooqExpiredRecords expiredRecords;
    private Operability operability;
    private ExpiredRecordsPurge purge;
    private SyncUseCases sync;
    private WebhookSettings webhookSettings;
    private WebhookSender webhookSender;

    private Application(AppConfig config, EmbeddedDatabase embedded, AutoCloseable pool, DataSource dataSource,
                        UseCases useCases, FeedUrls feedUrls, SessionSetup sessions, Transactions transactions,
                        org.agentworkspace.persistence.JooqExpiredRecords expiredRecords) {
        this.config = config;
        this.embedded = embedded;
        this.pool = pool;
        this.dataSource = dataSource;
        this.useCases = useCases;
        this.feedUrls = feedUrls;
        this.sessions = sessions;
        this.transactions = transactions;
        this.expiredRecords = expiredRecords;
    }

    static Application open(AppConfig config) {
        EmbeddedDatabase embedded = config.embeddedDatabase() ? EmbeddedDatabase.start(config.dataDir()) : null;
        try {
            DatabaseUrl url = embedded != null ? embedded.url() : config.database().orElseThrow();
            DatabaseUrl migrationUrl = embedded != null ? embedded.migrationUrl() : config.migrationDatabase().orElse(url);
            var pool = PooledDataSources.create(url.jdbcUrl(), url.user(), url.password(), config.poolSize());
            try {
                if (!config.privilegedDatabaseRoleAllowed()) {
                    refusePrivilegedRole(pool);
                }
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
                    persistence.processedWebhooks(), new BiweeklyRecurrenceExpander(), new IcsFeedRenderer(),
                    sessions.verifier());
            UseCases useCases = UseCases.create(ports, Settings.defaults());
            Application app = new Application(config, embedded, pool, pool, useCases,
                    new FeedUrls(config.publicUrl()), sessions, persistence.transactions(), persistence.expiredRecords());
            sessions.prepareLocalOwner(useCases);
            app.webhookSettings = WebhookSettings.fromEnvironment(System.getenv());
            app.sync = syncUseCases(persistence, app.webhookSettings);
            return app;
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * The change log and webhooks (issue 19). The cursor key is drawn from the JVM's CSPRNG by
     * whichever instance starts first and shared by all through the database.
     */
    private static SyncUseCases syncUseCases(JooqPersistence persistence, WebhookSettings settings) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        byte[] cursorKey = persistence.serverSecret("sync-cursor-key", candidate);
        AddressGuard guard = new AddressGuard(settings.allowPrivate());
        JooqChangeRepository changes = persistence.changes();
        SyncPorts ports = new SyncPorts(persistence.transactions(), persistence.agents(), persistence.audit(), changes,
                changes, persistence.webhooks(), persistence.webhookOutbox(), guard,
                JdkWebhookTransport.withContractTimeouts(guard), new JacksonWebhookBodies());
        return SyncUseCases.create(ports, Settings.defaults(), SyncSettings.defaults(cursorKey));
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

    /**
     * Row-level security does not apply to a superuser or a BYPASSRLS role: with such a runtime
     * role the third wall would be silently off (issue 15), so the server refuses to start.
     */
    private static void refusePrivilegedRole(DataSource runtime) {
        try (Connection c = runtime.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select current_user, rolsuper, rolbypassrls from pg_catalog.pg_roles"
                     + " where rolname = current_user")) {
            if (rs.next() && (rs.getBoolean(2) || rs.getBoolean(3))) {
                throw new ConfigException("DATABASE_URL connects as role \"" + rs.getString(1) + "\", which "
                        + (rs.getBoolean(2) ? "is a superuser" : "has BYPASSRLS")
                        + ": row-level security would not apply to the server's queries. Connect as a role without "
                        + "SUPERUSER and BYPASSRLS (see \"Database roles and row-level security\" in docs/operations.md), "
                        + "or set AW_ALLOW_PRIVILEGED_DATABASE_ROLE=true to accept that.");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not connect with DATABASE_URL: " + e.getMessage(), e);
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

    /**
     * What {@code serve} prints about signing in, in local mode: a fresh one-time URL on the data
     * directory's first start, afterwards only how to get one, since a URL printed at every start
     * would sit in every log and terminal scrollback.
     */
    Optional<String> startupSignIn() {
        if (!config.localMode()) {
            return Optional.empty();
        }
        return Optional.of(sessions.signInEverIssued()
                ? "run `" + Main.invocation() + " login` for a one-time URL"
                : renewLocalSignIn());
    }

    ResourceConfig resourceConfig() {
        if (operability == null) {
            operability = Operability.start(System.getenv(), dataSource);
        }
        ResourceConfig resources = AgentWorkspaceHttp.resourceConfig(
                HttpSettings.of(feedUrls).withTrustedOrigins(TrustedOrigins.of(config)), useCases,
                this::databaseAnswers, operability.http());
        sessions.registerResources(resources, useCases);
        // Registered into the same configuration, so /mcp passes the same authentication and limits.
        resources.register(AgentWorkspaceMcp.endpoint(useCases, sync.listChanges(),
                AgentWorkspaceHttp::authenticatedAgent));
        new SyncHttpUseCases(sync.listChanges(), sync.createWebhook(), sync.listWebhooks(), sync.deleteWebhook(),
                sync.listWebhookDeliveries()).register(resources);
        return resources;
    }

    RunningServer startServer() {
        URI requested = URI.create("http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host())
                + ":" + config.port() + "/");
        Operability.bridgeJavaUtilLogging();
        // The edge answers what Grizzly would (illegal URIs, odd methods, slow bodies) in the contract's shape.
        HttpServer server = EdgeServer.create(requested, resourceConfig(),
                EdgeConfig.fromEnvironment(System.getenv(), config.poolSize()),
                PublicRouteGuards.of(config.clerkWebhookSecret().isPresent(), config.localMode()));
        if (purge == null) {
            purge = ExpiredRecordsPurge.start(System.getenv(), expiredRecords, operability.http().metrics()).orElse(null);
        }
        webhookSender = WebhookSender.start(sync.deliverWebhooks(), webhookSettings, operability.http().metrics());
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
        if (purge != null) {
            purge.close();
        }
        if (webhookSender != null) {
            webhookSender.close();
        }
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
