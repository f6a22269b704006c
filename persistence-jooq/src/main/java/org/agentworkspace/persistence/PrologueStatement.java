package org.agentworkspace.persistence;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import org.jooq.tools.jdbc.DefaultPreparedStatement;

/**
 * A statement that travels behind its scope's check in one message ({@link PrologueConnection}):
 * the caller sees only its own statement. Its parameters are numbered from 1 as the caller wrote
 * them, and shifted past the check's; the check's (empty) result is skipped before the caller's
 * result is handed out. A check that refuses fails the execution, and with it the statement.
 */
final class PrologueStatement extends DefaultPreparedStatement {
    private final PreparedStatement combined;
    private final PrologueConnection connection;
    private final int shift;

    PrologueStatement(PreparedStatement combined, PrologueConnection connection, int shift) {
        super(combined);
        this.combined = combined;
        this.connection = connection;
        this.shift = shift;
    }

    @Override
    public boolean execute() throws SQLException {
        combined.execute();
        return combined.getMoreResults();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLException("the statement behind the scope's check returned no result set");
        }
        return combined.getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        execute();
        return combined.getUpdateCount();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        execute();
        return combined.getLargeUpdateCount();
    }

    @Override
    public void addBatch() throws SQLException {
        // A batch would repeat the check with every set of parameters; nothing batches a scoped statement.
        throw new SQLFeatureNotSupportedException("a statement behind a scope's check cannot be batched");
    }

    @Override
    public void clearParameters() throws SQLException {
        combined.clearParameters();
        connection.bindPrologue(combined);
    }

    @Override
    public void setNull(int index, int x) throws SQLException {
        super.setNull(index + shift, x);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        super.setBoolean(index + shift, x);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        super.setByte(index + shift, x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        super.setShort(index + shift, x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        super.setInt(index + shift, x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        super.setLong(index + shift, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        super.setFloat(index + shift, x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        super.setDouble(index + shift, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        super.setBigDecimal(index + shift, x);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        super.setString(index + shift, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        super.setBytes(index + shift, x);
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        super.setDate(index + shift, x);
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        super.setTime(index + shift, x);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        super.setTimestamp(index + shift, x);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int a) throws SQLException {
        super.setAsciiStream(index + shift, x, a);
    }

    @Override
    public void setUnicodeStream(int index, InputStream x, int a) throws SQLException {
        super.setUnicodeStream(index + shift, x, a);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int a) throws SQLException {
        super.setBinaryStream(index + shift, x, a);
    }

    @Override
    public void setObject(int index, Object x, int a) throws SQLException {
        super.setObject(index + shift, x, a);
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        super.setObject(index + shift, x);
    }

    @Override
    public void setCharacterStream(int index, Reader x, int a) throws SQLException {
        super.setCharacterStream(index + shift, x, a);
    }

    @Override
    public void setRef(int index, Ref x) throws SQLException {
        super.setRef(index + shift, x);
    }

    @Override
    public void setBlob(int index, Blob x) throws SQLException {
        super.setBlob(index + shift, x);
    }

    @Override
    public void setClob(int index, Clob x) throws SQLException {
        super.setClob(index + shift, x);
    }

    @Override
    public void setArray(int index, Array x) throws SQLException {
        super.setArray(index + shift, x);
    }

    @Override
    public void setDate(int index, Date x, Calendar a) throws SQLException {
        super.setDate(index + shift, x, a);
    }

    @Override
    public void setTime(int index, Time x, Calendar a) throws SQLException {
        super.setTime(index + shift, x, a);
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar a) throws SQLException {
        super.setTimestamp(index + shift, x, a);
    }

    @Override
    public void setNull(int index, int x, String a) throws SQLException {
        super.setNull(index + shift, x, a);
    }

    @Override
    public void setURL(int index, URL x) throws SQLException {
        super.setURL(index + shift, x);
    }

    @Override
    public void setRowId(int index, RowId x) throws SQLException {
        super.setRowId(index + shift, x);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        super.setNString(index + shift, x);
    }

    @Override
    public void setNCharacterStream(int index, Reader x, long a) throws SQLException {
        super.setNCharacterStream(index + shift, x, a);
    }

    @Override
    public void setNClob(int index, NClob x) throws SQLException {
        super.setNClob(index + shift, x);
    }

    @Override
    public void setClob(int index, Reader x, long a) throws SQLException {
        super.setClob(index + shift, x, a);
    }

    @Override
    public void setBlob(int index, InputStream x, long a) throws SQLException {
        super.setBlob(index + shift, x, a);
    }

    @Override
    public void setNClob(int index, Reader x, long a) throws SQLException {
        super.setNClob(index + shift, x, a);
    }

    @Override
    public void setSQLXML(int index, SQLXML x) throws SQLException {
        super.setSQLXML(index + shift, x);
    }

    @Override
    public void setObject(int index, Object x, int a, int b) throws SQLException {
        super.setObject(index + shift, x, a, b);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long a) throws SQLException {
        super.setAsciiStream(index + shift, x, a);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long a) throws SQLException {
        super.setBinaryStream(index + shift, x, a);
    }

    @Override
    public void setCharacterStream(int index, Reader x, long a) throws SQLException {
        super.setCharacterStream(index + shift, x, a);
    }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        super.setAsciiStream(index + shift, x);
    }

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        super.setBinaryStream(index + shift, x);
    }

    @Override
    public void setCharacterStream(int index, Reader x) throws SQLException {
        super.setCharacterStream(index + shift, x);
    }

    @Override
    public void setNCharacterStream(int index, Reader x) throws SQLException {
        super.setNCharacterStream(index + shift, x);
    }

    @Override
    public void setClob(int index, Reader x) throws SQLException {
        super.setClob(index + shift, x);
    }

    @Override
    public void setBlob(int index, InputStream x) throws SQLException {
        super.setBlob(index + shift, x);
    }

    @Override
    public void setNClob(int index, Reader x) throws SQLException {
        super.setNClob(index + shift, x);
    }

    @Override
    public void setObject(int index, Object x, SQLType a, int b) throws SQLException {
        super.setObject(index + shift, x, a, b);
    }

    @Override
    public void setObject(int index, Object x, SQLType a) throws SQLException {
        super.setObject(index + shift, x, a);
    }

}
