package org.agentworkspace.persistence;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.tools.jdbc.DefaultConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A TCP proxy in front of the test PostgreSQL that counts round trips as the wire shows them: a
 * client waits for the server once per {@code Sync} (extended protocol) it sends, whatever number
 * of statements came before it, and once per simple {@code Query} not followed by the rest of the
 * same batch. A message is counted before it is passed on, so the count is complete when the
 * client has its answer.
 */
final class RoundTripCounter implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final AtomicInteger roundTrips = new AtomicInteger();
    /**
     * A simple {@code Query} was the last message: pgjdbc sends a transaction's BEGIN that way, in
     * front of the first statement's extended-protocol messages and without waiting for its answer,
     * so it ends a round trip only if what follows is not the rest of the same message.
     */
    private boolean pendingQuery;
    private final List<String> statements = new java.util.ArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Connection> physicals = new CopyOnWriteArrayList<>();

    RoundTripCounter(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "round-trip-counter");
        accept.setDaemon(true);
        accept.start();
    }

    /** The SQL the client sent (Parse or Query messages) since the last call. */
    synchronized List<String> takeStatements() {
        List<String> sent = List.copyOf(statements);
        statements.clear();
        return sent;
    }

    /** A Parse message is the statement's name, then its text; a Query message is the text. */
    private static String queryText(int type, byte[] body) {
        int start = 0;
        if (type == 'P') {
            while (body[start] != 0) {
                start++;
            }
            start++;
        }
        int end = start;
        while (body[end] != 0) {
            end++;
        }
        return new String(body, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Round trips since the last call. */
    synchronized int take() {
        if (pendingQuery) {
            // The client sent nothing after it: it waited for this query's answer.
            roundTrips.incrementAndGet();
            pendingQuery = false;
        }
        return roundTrips.getAndSet(0);
    }

    /**
     * One physical connection of {@code user} through this proxy, handed out again and again (a
     * pool of one that never validates), so nothing but the work itself crosses the wire.
     */
    DataSource singleConnection(String database, String user, String password) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {listener.getInetAddress().getHostAddress()});
        ds.setPortNumbers(new int[] {listener.getLocalPort()});
        ds.setDatabaseName(database);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setSslMode("disable");
        Connection physical = ds.getConnection();
        physicals.add(physical);
        return new OneConnection(physical);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstreamHost, upstreamPort);
                sockets.add(client);
                sockets.add(server);
                start(() -> fromClient(client.getInputStream(), server.getOutputStream()));
                start(() -> copy(server.getInputStream(), client.getOutputStream()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private static void start(Pump pump) {
        Thread t = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException ended) {
                // The connection closed.
            }
        }, "round-trip-counter-pump");
        t.setDaemon(true);
        t.start();
    }

    private void fromClient(InputStream raw, OutputStream rawOut) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        DataOutputStream out = new DataOutputStream(rawOut);
        // Untyped messages first: SSL/GSS requests (answered by one byte), then the startup message.
        while (true) {
            int length = in.readInt();
            byte[] body = new byte[length - 4];
            in.readFully(body);
            out.writeInt(length);
            out.write(body);
            out.flush();
            int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
            if (code != SSL_REQUEST && code != GSS_REQUEST) {
                break;
            }
        }
        while (true) {
            int type = in.read();
            if (type < 0) {
                return;
            }
            int length = in.readInt();
            byte[] body = new byte[length - 4];
            in.readFully(body);
            synchronized (this) {
                if (pendingQuery && type != 'P' && type != 'B' && type != 'D' && type != 'E' && type != 'S') {
                    roundTrips.incrementAndGet();
                }
                pendingQuery = type == 'Q';
                if (type == 'S') {
                    roundTrips.incrementAndGet();
                }
                if (type == 'P' || type == 'Q') {
                    statements.add(queryText(type, body));
                }
            }
            out.write(type);
            out.writeInt(length);
            out.write(body);
            out.flush();
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException, SQLException {
        for (Connection c : physicals) {
            c.close();
        }
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** The one connection; closing a borrowed one only ends what a pool would end. */
    private static final class OneConnection implements ConnectionSource {
        private final Connection physical;

        OneConnection(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Connection getConnection() {
            return new DefaultConnection(physical) {
                @Override
                public void close() throws SQLException {
                    if (!physical.getAutoCommit()) {
                        physical.rollback();
                        physical.setAutoCommit(true);
                    }
                }
            };
        }
    }
}
