package org.agentworkspace.bench.ceiling;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** The two ceiling routes: no work at all, and exactly one indexed primary-key read. */
@Path("/")
public final class CeilingResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource pool;

    CeilingResource(DataSource pool) {
        this.pool = pool;
    }

    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "Hello, World!";
    }

    @GET
    @Path("row")
    @Produces(MediaType.APPLICATION_JSON)
    public String row() {
        int id = 1 + ThreadLocalRandom.current().nextInt(CeilingServer.ROWS);
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("select id, title, start_at, end_at from bench_ceiling.rows where id = ?")) {
            s.setInt(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", r.getInt(1));
                row.put("title", r.getString(2));
                row.put("start", r.getTimestamp(3).toInstant().toString());
                row.put("end", r.getTimestamp(4).toInstant().toString());
                return JSON.writeValueAsString(Map.of("row", row));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WebApplicationException(e, 500);
        }
    }
}
