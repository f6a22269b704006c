package org.agentworkspace.http.limits;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL data source that counts the connections taken from it and can be cut off, to
 * prove which answers needed the database and which came from memory.
 */
final class CountingDataSource implements DataSource {
    private final DataSource database;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean cutOff;

    CountingDataSource(DataSource database) {
        this.database = database;
    }

    int connections() {
        return connections.get();
    }

    void cutOff(boolean cutOff) {
        this.cutOff = cutOff;
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        if (cutOff) {
            throw new SQLException("database cut off by the test", "08001");
        }
        return database.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the limiter connects as its data source's user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
