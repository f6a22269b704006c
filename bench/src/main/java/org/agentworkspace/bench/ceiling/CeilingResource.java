package org.agentworkspace.bench.ceiling;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The ladder: each route adds one of the product's steps to the one before, on the product's own
 * schema and data (the seeded {@code events}, {@code calendars}, keys and feed tokens), through
 * the product's own {@code SECURITY DEFINER} lookups, so a product scenario can be read as a
 * fraction of the same database work done with no application around it.
 *
 * <ol>
 *   <li>{@code /hello}: no work at all.</li>
 *   <li>{@code /row/{id}}: one primary-key {@code SELECT} of an event (the product's columns), as
 *       the superuser (no row-level security), auto-commit: one round trip.</li>
 *   <li>{@code /row-rls/{id}}: the same as the non-superuser runtime role with row-level security
 *       on, the scope stated in the same implicit transaction: {@code set_config} and the
 *       {@code SELECT} in one message (one {@code Sync}), so still one round trip.</li>
 *   <li>{@code /row-authenticated/{id}}: the key's SHA-256 checked by the product's
 *       {@code aw_agent_by_key_digest}, which also states the scope, and the {@code SELECT}: one
 *       message, one round trip — the database work an authenticated {@code GET} must do.</li>
 *   <li>{@code /ics/{agent}}: a bare streaming iCalendar writer over the agent's events (scope,
 *       cursor of 1,000 rows, text escaped and folded), no token check.</li>
 *   <li>{@code /feed-304/{agent}/{token}}: the token checked by {@code aw_feed_by_token}, which
 *       states the scope, and the calendar's revision read, in one message; 304 when
 *       {@code If-None-Match} matches.</li>
 * </ol>
 */
@Path("/")
public final class CeilingResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String COLUMNS = "id, agent_id, title, start_at, end_at, all_day, description, location, rrule, "
            + "timezone, color, version, created_at, updated_at";
    private static final String ROW = "select " + COLUMNS + " from events where id = ?::uuid";
    private static final String ROW_RLS = "select set_config('app.agent_id', ?, true);"
            + " select " + COLUMNS + " from events where id = ?::uuid and agent_id = ?::uuid";
    private static final String ROW_AUTHENTICATED = "select k.agent_id, k.status, k.scopes, k.expires_at,"
            + " set_config('app.agent_id', k.agent_id::text, true) from aw_agent_by_key_digest(?) k;"
            + " select " + COLUMNS + " from events where id = ?::uuid";
    private static final String FEED_CHECK = "select s.agent_id, set_config('app.agent_id', s.agent_id::text, true)"
            + " from aw_feed_by_token(?) s;"
            + " select events_revision, events_changed_at from calendars where agent_id = ?::uuid";
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final byte[] CRLF = {'\r', '\n'};

    private final DataSource superuser;
    private final DataSource runtime;

    CeilingResource(DataSource superuser, DataSource runtime) {
        this.superuser = superuser;
        this.runtime = runtime;
    }

    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "Hello, World!";
    }

    @GET
    @Path("row/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String row(@PathParam("id") String id) {
        try (Connection c = superuser.getConnection(); PreparedStatement s = c.prepareStatement(ROW)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return event(r);
            }
        } catch (SQLException e) {
            throw new WebApplicationException(e, 500);
        }
    }

    @GET
    @Path("row-rls/{agent}/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String rowRls(@PathParam("agent") String agent, @PathParam("id") String id) {
        return oneMessage(ROW_RLS, s -> {
            s.setString(1, agent);
            s.setString(2, id);
            s.setString(3, agent);
        }, scope -> { }, CeilingResource::event);
    }

    @GET
    @Path("row-authenticated/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String rowAuthenticated(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @PathParam("id") String id) {
        if (authorization == null || !authorization.startsWith("Bearer ak_")) {
            throw new WebApplicationException(401);
        }
        byte[] digest = sha256(authorization.substring(7));
        return oneMessage(ROW_AUTHENTICATED, s -> {
            s.setBytes(1, digest);
            s.setString(2, id);
        }, key -> {
            if (!key.next() || !"active".equals(key.getString(2)) || !hasScope(key.getArray(3), "events:read")
                    || (key.getObject(4) != null && key.getObject(4, OffsetDateTime.class).isBefore(OffsetDateTime.now()))) {
                throw new WebApplicationException(401);
            }
        }, CeilingResource::event);
    }

    /** JDBC steps that may fail. */
    @FunctionalInterface
    private interface Step<T> {
        void accept(T value) throws SQLException;
    }

    /** Reads a result set into an answer. */
    @FunctionalInterface
    private interface Answer<T> {
        T from(ResultSet r) throws SQLException;
    }

    /**
     * Two statements in one message as the runtime role (one {@code Sync}: one round trip, one
     * implicit transaction); {@code first} checks the first result, {@code second} answers from
     * the second.
     */
    private <T> T oneMessage(String sql, Step<PreparedStatement> bind, Step<ResultSet> first, Answer<T> second) {
        try (Connection c = runtime.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind.accept(s);
            s.execute();
            try (ResultSet r = s.getResultSet()) {
                first.accept(r);
            }
            s.getMoreResults();
            try (ResultSet r = s.getResultSet()) {
                return second.from(r);
            }
        } catch (SQLException e) {
            throw new WebApplicationException(e, 500);
        }
    }

    @GET
    @Path("ics/{agent}")
    public Response ics(@PathParam("agent") String agent) {
        StreamingOutput body = out -> {
            try (Connection c = runtime.getConnection()) {
                c.setAutoCommit(false);
                try {
                    writeCalendar(c, agent, out);
                    c.commit();
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
        };
        return Response.ok(body, "text/calendar; charset=utf-8").build();
    }

    @GET
    @Path("feed-304/{agent}/{token}")
    public Response feedNotModified(@PathParam("agent") String agent, @PathParam("token") String token,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return oneMessage(FEED_CHECK, s -> {
            s.setString(1, token);
            s.setString(2, agent);
        }, scope -> { }, r -> {
            if (!r.next()) {
                throw new WebApplicationException(404);
            }
            String etag = "\"r" + r.getLong(1) + "\"";
            OffsetDateTime changed = r.getObject(2, OffsetDateTime.class);
            Response.ResponseBuilder answer = etag.equals(ifNoneMatch) ? Response.notModified()
                    : Response.ok("", "text/calendar; charset=utf-8");
            return answer.header(HttpHeaders.ETAG, etag)
                    .lastModified(changed == null ? new Date(0) : Date.from(changed.toInstant()))
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").build();
        });
    }

    private static void writeCalendar(Connection c, String agent, OutputStream raw) throws SQLException, IOException {
        try (PreparedStatement scope = c.prepareStatement("select set_config('app.agent_id', ?, true)")) {
            scope.setString(1, agent);
            scope.executeQuery().close();
        }
        BufferedOutputStream out = new BufferedOutputStream(raw, 16 * 1024);
        String stamp = ICS_UTC.format(OffsetDateTime.now(ZoneOffset.UTC));
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//AgentWorkspace//Ceiling//EN");
        line(out, "METHOD:PUBLISH");
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                + " from events where agent_id = ?::uuid order by start_at, id")) {
            s.setFetchSize(1000);
            s.setString(1, agent);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    line(out, "BEGIN:VEVENT");
                    line(out, "UID:" + r.getString(1));
                    line(out, "DTSTAMP:" + stamp);
                    line(out, "DTSTART:" + utc(r, 4));
                    line(out, "DTEND:" + utc(r, 5));
                    line(out, "SUMMARY:" + escape(r.getString(3)));
                    text(out, "DESCRIPTION:", r.getString(7));
                    text(out, "LOCATION:", r.getString(8));
                    if (r.getString(9) != null) {
                        line(out, "RRULE:" + r.getString(9));
                    }
                    line(out, "LAST-MODIFIED:" + utc(r, 14));
                    line(out, "SEQUENCE:" + (r.getLong(12) - 1));
                    line(out, "END:VEVENT");
                }
            }
        }
        line(out, "END:VCALENDAR");
        out.flush();
    }

    private static void text(OutputStream out, String name, String value) throws IOException {
        if (value != null) {
            line(out, name + escape(value));
        }
    }

    private static String utc(ResultSet r, int column) throws SQLException {
        return ICS_UTC.format(r.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** RFC 5545 TEXT escaping. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\', ';', ',' -> b.append('\\').append(ch);
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** One content line, folded at 75 octets without splitting a UTF-8 sequence. */
    private static void line(OutputStream out, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        int limit = 75;
        while (bytes.length - from > limit) {
            int cut = from + limit;
            while ((bytes[cut] & 0xC0) == 0x80) {
                cut--;
            }
            out.write(bytes, from, cut - from);
            out.write(CRLF);
            out.write(' ');
            from = cut;
            limit = 74;
        }
        out.write(bytes, from, bytes.length - from);
        out.write(CRLF);
    }

    private static boolean hasScope(Array scopes, String scope) throws SQLException {
        try {
            return Arrays.asList((String[]) scopes.getArray()).contains(scope);
        } finally {
            scopes.free();
        }
    }

    private static String event(ResultSet r) throws SQLException {
        if (!r.next()) {
            throw new WebApplicationException(404);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", r.getObject(1, UUID.class).toString());
        event.put("title", r.getString(3));
        event.put("start", r.getObject(4, OffsetDateTime.class).toInstant().toString());
        event.put("end", r.getObject(5, OffsetDateTime.class).toInstant().toString());
        event.put("allDay", r.getBoolean(6));
        event.put("description", r.getString(7));
        event.put("location", r.getString(8));
        event.put("rrule", r.getString(9));
        event.put("timezone", r.getString(10));
        event.put("color", r.getString(11));
        event.put("createdAt", r.getObject(13, OffsetDateTime.class).toInstant().toString());
        event.put("updatedAt", r.getObject(14, OffsetDateTime.class).toInstant().toString());
        try {
            return JSON.writeValueAsString(Map.of("event", event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
