package org.agentworkspace.bench.ceiling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the ceiling process:
 * {@code CeilingServer <port> <postgres port> <AW_DATA_DIR> <pool size> <worker threads>}.
 * Serves the ladder of {@link CeilingResource} on the product's own database, as the
 * superuser (for the plain {@code /row}) and as the product's runtime role (everything with
 * row-level security), reading both passwords from the data directory as the product does.
 * Started like the product (same JVM flags, same Grizzly worker count, same pool size per role),
 * so that the ratio between them is the product's own cost.
 */
public final class CeilingServer {
    private static final Logger LOG = LoggerFactory.getLogger(CeilingServer.class);

    private CeilingServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String url = "jdbc:postgresql://localhost:" + args[1] + "/agentworkspace";
        Path dataDir = Path.of(args[2]);
        int poolSize = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        HikariDataSource superuser = pool(url, "postgres", Files.readString(dataDir.resolve("superuser.password")).trim(),
                poolSize, "ceiling-superuser");
        HikariDataSource runtime = pool(url, "aw_runtime", Files.readString(dataDir.resolve("runtime-role.password")).trim(),
                poolSize, "ceiling-runtime");
        ResourceConfig resources = new ResourceConfig().register(new CeilingResource(superuser, runtime));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                resources, false);
        for (NetworkListener listener : server.getListeners()) {
            ThreadPoolConfig pool = listener.getTransport().getWorkerThreadPoolConfig();
            pool.setCorePoolSize(workers).setMaxPoolSize(workers);
        }
        server.start();
        LOG.info("Ceiling listening on port {} ({} worker threads, pools of {})", port, workers, poolSize);
        new CountDownLatch(1).await();
    }

    private static HikariDataSource pool(String url, String user, String password, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        config.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(config);
    }
}
