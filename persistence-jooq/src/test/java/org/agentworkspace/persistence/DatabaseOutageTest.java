package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentworkspace.core.domain.Unavailable;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached answers "unavailable", and only one request pays the wait. */
class DatabaseOutageTest {

    /** Stands for a pool whose connection timeout ran out: the database is away. */
    static final class UnreachableDatabase implements ConnectionSource {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLTransientConnectionException {
            attempts.incrementAndGet();
            throw new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms");
        }
    }

    @Test
    void aConnectionFailureIsUnavailableAndTheNextTransactionsDoNotWaitForTheDatabaseAgain() {
        UnreachableDatabase database = new UnreachableDatabase();
        JooqTransactions transactions = new JooqTransactions(database);

        assertThatThrownBy(() -> transactions.inTransaction(() -> "never")).isInstanceOf(Unavailable.class)
                .hasMessage("Database unavailable; retry shortly");
        assertThat(database.attempts).as("one wait for the pool, not one per begin and rollback").hasValue(1);
        assertThatThrownBy(() -> transactions.inTransaction(() -> "never")).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> transactions.inTransaction(() -> "never")).isInstanceOf(Unavailable.class);

        assertThat(database.attempts).as("only the first transaction asked the pool").hasValue(1);
    }
}
