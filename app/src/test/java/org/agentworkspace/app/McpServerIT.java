package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.KeyInput;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server of the assembled application (API.md, MCP server), driven by the MCP Java SDK's own
 * client over HTTP against a real server on PostgreSQL with row-level security: the protocol, every
 * tool, errors as {@code isError} results, the agent's status, isolation between two agents of one
 * owner, and the HTTP edge (401, 405, 202). Its results are checked against the REST API's for the
 * same data: the two share the use cases and must show the same JSON.
 */
class McpServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> TOOLS = List.of("whoami", "list_events", "get_event", "create_event",
            "update_event", "delete_event", "list_occurrences", "update_occurrence", "cancel_occurrence",
            "get_free_busy", "find_free_slots", "list_documents", "get_document", "create_document", "update_document",
            "delete_document", "get_changes");

    @TempDir
    static Path dataDir;

    private static Application app;
    private static RunningServer server;
    private static final List<McpSyncClient> CLIENTS = new ArrayList<>();
    private static NewAgent atlas;
    private static NewAgent borealis;
    private static NewAgent reader;
    private static NewAgent sleeper;
    private static UserPrincipal owner;

    @BeforeAll
    static void start() {
        TestDatabases.Database db = TestDatabases.fresh("schema_rls",
                owner -> FlywayMigrations.migrate(owner, TestDatabases.RUNTIME_ROLE));
        String jdbc = db.server().jdbcUrl(db.name());
        app = Application.open(AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", jdbc + "?user=" + TestDatabases.RUNTIME_ROLE + "&password=" + TestDatabases.ROLE_PASSWORD,
                "DATABASE_MIGRATION_URL", jdbc + "?user=" + TestDatabases.OWNER_ROLE + "&password=" + TestDatabases.ROLE_PASSWORD,
                "PORT", "0", "AW_DATA_DIR", dataDir.toString())));
        server = app.startServer();
        owner = app.useCases().actAsUser().addUser(UserProfile.idOnly(new UserId("user_mcp")));
        atlas = newAgent(owner, "Atlas");
        borealis = newAgent(owner, "Borealis");
        reader = newAgent(owner, "Reader");
        sleeper = newAgent(owner, "Sleeper");
        setStatus(owner, reader, "read_only");
        setStatus(owner, sleeper, "suspended");
    }

    @AfterAll
    static void stop() {
        CLIENTS.forEach(McpSyncClient::closeGracefully);
        if (server != null) {
            server.stopGracefully();
        }
        if (app != null) {
            app.close();
        }
    }

    // ---- the protocol

    @Test
    void initialize_names_the_server_and_tells_the_model_how_to_use_it() {
        McpSyncClient client = client(atlas.apiKey().reveal());
        McpSchema.InitializeResult init = client.getCurrentInitializationResult();

        assertThat(init.serverInfo().name()).isEqualTo("agentworkspace");
        assertThat(init.protocolVersion()).isIn("2025-06-18", "2025-11-25");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.instructions()).contains("ISO 8601", "offset", "idempotency_key", "if_match", "whoami");
    }

    @Test
    void tools_list_shows_every_tool_with_a_closed_schema_that_teaches_formats() {
        List<McpSchema.Tool> tools = client(atlas.apiKey().reveal()).listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(TOOLS);
        for (McpSchema.Tool tool : tools) {
            JsonNode schema = schema(tool);
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            assertThat(schema.path("type").asText()).as(tool.name()).isEqualTo("object");
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(tool.name()).isFalse();
            // Every result has a declared shape; the SDK's client checks each structuredContent against it.
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object").containsKey("properties");
        }
        assertThat(JSON.valueToTree(tool(tools, "get_event").outputSchema()).path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("event", "etag");
        JsonNode slots = schema(tool(tools, "find_free_slots"));
        assertThat(slots.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("start_after", "start_before", "duration_minutes");
        assertThat(slots.path("properties").toString()).contains("HH:MM", "09:00", "1440");
        assertThat(tool(tools, "cancel_occurrence").annotations().destructiveHint()).isTrue();
        assertThat(tool(tools, "get_changes").annotations().readOnlyHint()).isTrue();
        JsonNode create = schema(tool(tools, "create_event"));
        assertThat(create.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("title", "start", "end");
        assertThat(create.path("properties").has("rrule")).isTrue();
        assertThat(create.path("properties").has("idempotency_key")).isTrue();
        assertThat(create.path("properties").toString())
                .contains("FREQ=WEEKLY", "2026-01-15T09:00:00+01:00", "YYYY-MM-DD");
        JsonNode update = schema(tool(tools, "update_event"));
        assertThat(update.path("properties").has("if_match")).isTrue();
        assertThat(update.path("required")).extracting(JsonNode::asText).containsExactly("id");
        assertThat(tool(tools, "get_event").annotations().readOnlyHint()).isTrue();
        assertThat(tool(tools, "delete_event").annotations().destructiveHint()).isTrue();
    }

    @Test
    void whoami_shows_the_agent_and_the_current_time_in_its_zone() {
        McpSchema.CallToolResult result = call(atlas, "whoami", Map.of());

        JsonNode body = ok(result);
        assertThat(body.path("agent").path("id").asText()).isEqualTo(atlas.agent().id().toString());
        assertThat(body.path("agent").path("name").asText()).isEqualTo("Atlas");
        assertThat(body.path("agent").path("timezone").asText()).isEqualTo("Europe/Berlin");
        OffsetDateTime now = OffsetDateTime.parse(body.path("now").asText());
        assertThat(now.getOffset()).isEqualTo(ZoneId.of("Europe/Berlin").getRules().getOffset(now.toInstant()));
        assertThat(Duration.between(now.toInstant(), java.time.Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
    }

    // ---- key scopes

    @Test
    void a_key_sees_and_calls_only_the_tools_its_scopes_allow_and_whoami_shows_the_key() {
        String key = app.useCases().createApiKey().create(owner, atlas.agent().id().toString(),
                new KeyInput(Field.of("calendar reader"), Field.of(List.of("events:read")), Field.absent()))
                .secret().reveal();
        McpSyncClient client = client(key);

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactly("whoami", "list_events", "get_event", "list_occurrences", "get_free_busy",
                        "find_free_slots", "get_changes");
        JsonNode refused = error(client.callTool(new McpSchema.CallToolRequest("create_document",
                Map.of("title", "t", "content", "c"))));
        assertThat(refused.path("error").asText()).isEqualTo("This key lacks the scope docs:write");
        JsonNode me = ok(client.callTool(new McpSchema.CallToolRequest("whoami", Map.of())));
        assertThat(me.path("key").path("label").asText()).isEqualTo("calendar reader");
        assertThat(me.path("key").path("scopes")).extracting(JsonNode::asText).containsExactly("events:read");
        assertThat(me.path("key").path("expiresAt").isNull()).isTrue();
        assertThat(ok(call(atlas, "whoami", Map.of())).path("key").path("scopes")).hasSize(5);
    }

    // ---- events

    @Test
    void an_event_is_created_read_listed_updated_and_deleted_through_the_tools() {
        JsonNode created = ok(call(atlas, "create_event", Map.of("title", "Standup",
                "start", "2026-12-01T09:00:00+01:00", "end", "2026-12-01T09:15:00+01:00",
                "rrule", "FREQ=WEEKLY;BYDAY=TU", "timezone", "Europe/Berlin")));
        String id = created.path("event").path("id").asText();
        assertThat(created.path("event").path("start").asText()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(created.path("event").path("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(created.path("etag").asText()).isEqualTo("\"v1\"");

        JsonNode got = ok(call(atlas, "get_event", Map.of("id", id)));
        assertThat(got.path("event")).isEqualTo(created.path("event"));

        JsonNode listed = ok(call(atlas, "list_events", Map.of("start_after", "2026-12-01T00:00:00Z",
                "start_before", "2026-12-02T00:00:00Z", "limit", 10, "offset", 0)));
        assertThat(listed.path("events")).extracting(e -> e.path("id").asText()).contains(id);
        JsonNode expanded = ok(call(atlas, "list_events", Map.of("start_after", "2026-12-01T00:00:00Z",
                "start_before", "2026-12-22T00:00:00Z", "expand", true)));
        assertThat(expanded.path("events")).filteredOn(e -> e.path("id").asText().equals(id))
                .extracting(e -> e.path("start").asText())
                .containsExactly("2026-12-01T08:00:00Z", "2026-12-08T08:00:00Z", "2026-12-15T08:00:00Z");

        JsonNode updated = ok(call(atlas, "update_event", Map.of("id", id, "title", "Daily standup",
                "location", "Room 4", "if_match", "\"v1\"")));
        assertThat(updated.path("event").path("title").asText()).isEqualTo("Daily standup");
        assertThat(updated.path("event").path("location").asText()).isEqualTo("Room 4");
        assertThat(updated.path("event").path("start")).isEqualTo(created.path("event").path("start"));
        assertThat(updated.path("etag").asText()).isEqualTo("\"v2\"");

        JsonNode cleared = ok(call(atlas, "update_event", nullable("id", id, "location", null, "if_match", "v2")));
        assertThat(cleared.path("event").path("location").isNull()).isTrue();

        JsonNode stale = error(call(atlas, "update_event", Map.of("id", id, "title", "Lost update", "if_match", "\"v1\"")));
        assertThat(stale.path("error").asText()).startsWith("Precondition failed");
        assertThat(ok(call(atlas, "get_event", Map.of("id", id))).path("event").path("title").asText())
                .isEqualTo("Daily standup");

        assertThat(ok(call(atlas, "delete_event", Map.of("id", id, "if_match", "\"v3\"")))).isEqualTo(deleted());
        assertThat(error(call(atlas, "get_event", Map.of("id", id))).path("error").asText()).isEqualTo("Event not found");
    }

    @Test
    void an_idempotency_key_makes_a_retried_create_happen_once() {
        Map<String, Object> arguments = Map.of("title", "Dentist", "start", "2026-12-04T10:00:00Z",
                "end", "2026-12-04T11:00:00Z", "idempotency_key", "retry-" + UUID.randomUUID());

        McpSchema.CallToolResult first = call(atlas, "create_event", arguments);
        McpSchema.CallToolResult again = call(atlas, "create_event", arguments);

        assertThat(ok(again)).isEqualTo(ok(first));
        assertThat(first.meta()).isNull();
        assertThat(again.meta()).containsEntry("idempotencyReplayed", true);
        JsonNode listed = ok(call(atlas, "list_events", Map.of("start_after", "2026-12-04T00:00:00Z",
                "start_before", "2026-12-05T00:00:00Z")));
        assertThat(listed.path("events")).filteredOn(e -> e.path("title").asText().equals("Dentist")).hasSize(1);

        Map<String, Object> other = new HashMap<>(arguments);
        other.put("title", "Dentist, moved");
        assertThat(error(call(atlas, "create_event", other)).path("error").asText())
                .isEqualTo("Idempotency-Key was already used with a different request");
    }

    @Test
    void invalid_input_is_an_error_result_naming_every_issue() {
        JsonNode body = error(call(atlas, "create_event", Map.of("title", "", "start", "2026-12-02T10:00:00Z",
                "end", "2026-12-02T09:00:00Z", "rrule", "FREQ=SOMETIMES", "color", "red")));

        assertThat(body.path("error").asText()).isEqualTo("Validation failed");
        assertThat(body.path("issues")).extracting(i -> i.path("path").asText())
                .contains("title", "end", "rrule", "color");
        assertThat(error(call(atlas, "list_events", Map.of("expand", true))).path("error").asText())
                .isEqualTo("Validation failed");
    }

    @Test
    void an_unknown_tool_or_malformed_arguments_are_json_rpc_error_32602() {
        McpSyncClient client = client(atlas.apiKey().reveal());

        McpError unknown = catchThrowableOfType(McpError.class,
                () -> client.callTool(new McpSchema.CallToolRequest("drop_calendar", Map.of())));
        McpError unknownArgument = catchThrowableOfType(McpError.class,
                () -> client.callTool(new McpSchema.CallToolRequest("get_event", Map.of("id", "x", "verbose", true))));
        McpError wrongType = catchThrowableOfType(McpError.class,
                () -> client.callTool(new McpSchema.CallToolRequest("list_events", Map.of("limit", "ten"))));
        McpError missing = catchThrowableOfType(McpError.class,
                () -> client.callTool(new McpSchema.CallToolRequest("get_event", Map.of())));

        assertThat(List.of(unknown, unknownArgument, wrongType, missing))
                .allSatisfy(e -> assertThat(e.getJsonRpcError().code()).isEqualTo(-32602));
        assertThat(unknownArgument.getMessage()).contains("unknown argument 'verbose'", "allowed arguments: id");
        assertThat(wrongType.getMessage()).contains("'limit' must be an integer");
        assertThat(missing.getMessage()).contains("missing required argument 'id'");
    }

    // ---- documents

    @Test
    void a_document_is_created_read_listed_updated_and_deleted_through_the_tools() {
        JsonNode created = ok(call(borealis, "create_document", Map.of("title", "Notes", "content", "# Plan\n- ship",
                "idempotency_key", "doc-" + UUID.randomUUID())));
        String id = created.path("document").path("id").asText();
        assertThat(created.path("document").path("type").asText()).isEqualTo("markdown");
        assertThat(created.path("document").path("agentId").asText()).isEqualTo(borealis.agent().id().toString());

        assertThat(ok(call(borealis, "get_document", Map.of("id", id))).path("document")).isEqualTo(created.path("document"));
        JsonNode titles = ok(call(borealis, "list_documents", Map.of("content", false)));
        assertThat(titles.path("documents")).extracting(d -> d.path("id").asText()).contains(id);
        assertThat(titles.path("documents").get(0).has("content")).isFalse();
        assertThat(ok(call(borealis, "list_documents", Map.of())).path("documents").get(0).path("content").asText())
                .isNotNull();

        JsonNode updated = ok(call(borealis, "update_document", Map.of("id", id, "content", "# Plan\n- shipped",
                "if_match", created.path("etag").asText())));
        assertThat(updated.path("document").path("content").asText()).isEqualTo("# Plan\n- shipped");
        assertThat(updated.path("document").path("title").asText()).isEqualTo("Notes");

        JsonNode badSheet = error(call(borealis, "create_document", Map.of("title", "Scores", "type", "sheet",
                "content", "not json")));
        assertThat(badSheet.path("issues")).extracting(i -> i.path("path").asText()).contains("content");

        assertThat(ok(call(borealis, "delete_document", Map.of("id", id)))).isEqualTo(deleted());
        assertThat(error(call(borealis, "get_document", Map.of("id", id))).path("error").asText())
                .isEqualTo("Document not found");
    }

    // ---- recurring series

    @Test
    void a_series_occurrences_are_listed_changed_and_cancelled_one_or_this_and_following() throws Exception {
        JsonNode series = ok(call(atlas, "create_event", Map.of("title", "Yoga", "start", "2027-01-04T18:00:00+01:00",
                "end", "2027-01-04T19:00:00+01:00", "rrule", "FREQ=WEEKLY;COUNT=6", "timezone", "Europe/Berlin")));
        String id = series.path("event").path("id").asText();
        assertThat(series.path("event").path("cancelledOccurrences")).isEmpty();
        Map<String, Object> window = Map.of("id", id, "start_after", "2027-01-01T00:00:00Z",
                "start_before", "2027-03-01T00:00:00Z");
        assertThat(originalStarts(ok(call(atlas, "list_occurrences", window)))).containsExactly("2027-01-04T17:00:00Z",
                "2027-01-11T17:00:00Z", "2027-01-18T17:00:00Z", "2027-01-25T17:00:00Z", "2027-02-01T17:00:00Z",
                "2027-02-08T17:00:00Z");

        JsonNode moved = ok(call(atlas, "update_occurrence", Map.of("id", id, "original_start", "2027-01-11T17:00:00Z",
                "start", "2027-01-12T18:00:00+01:00", "end", "2027-01-12T19:00:00+01:00", "if_match", "\"v1\"")));
        assertThat(moved.path("occurrence").path("originalStart").asText()).isEqualTo("2027-01-11T17:00:00Z");
        assertThat(moved.path("occurrence").path("start").asText()).isEqualTo("2027-01-12T17:00:00Z");
        assertThat(moved.path("occurrence").path("modified").asBoolean()).isTrue();
        assertThat(moved.path("etag").asText()).isEqualTo("\"v2\"");
        JsonNode seriesOnly = error(call(atlas, "update_occurrence", Map.of("id", id,
                "original_start", "2027-01-18T17:00:00Z", "rrule", "FREQ=DAILY")));
        assertThat(seriesOnly.path("issues")).extracting(i -> i.path("path").asText()).containsExactly("rrule");
        assertThat(seriesOnly.path("issues").get(0).path("message").asText()).contains("following=true");

        assertThat(ok(call(atlas, "cancel_occurrence", Map.of("id", id, "original_start", "2027-01-18T17:00:00Z",
                "if_match", "\"v2\"")))).isEqualTo(deleted());
        assertThat(error(call(atlas, "cancel_occurrence", Map.of("id", id, "original_start", "2027-01-25T17:00:00Z",
                "if_match", "\"v2\""))).path("error").asText()).startsWith("Precondition failed");
        assertThat(error(call(atlas, "update_occurrence", Map.of("id", id, "original_start", "2027-01-05T17:00:00Z",
                "title", "Not an occurrence"))).path("error").asText()).isEqualTo("Occurrence not found");

        // The same JSON as REST for the series, its occurrences and the expanded list.
        String key = "Bearer " + atlas.apiKey().reveal();
        JsonNode got = ok(call(atlas, "get_event", Map.of("id", id)));
        assertThat(got.path("event")).isEqualTo(JSON.readTree(rest("GET", "/api/v1/events/" + id, key, null).body())
                .path("event"));
        assertThat(got.path("event").path("cancelledOccurrences")).extracting(JsonNode::asText)
                .containsExactly("2027-01-18T17:00:00Z");
        assertThat(got.path("event").path("modifiedOccurrences")).extracting(JsonNode::asText)
                .containsExactly("2027-01-11T17:00:00Z");
        assertThat(ok(call(atlas, "list_occurrences", window))).isEqualTo(JSON.readTree(rest("GET", "/api/v1/events/"
                + id + "/occurrences?start_after=2027-01-01T00:00:00Z&start_before=2027-03-01T00:00:00Z", key, null).body()));
        JsonNode expanded = ok(call(atlas, "list_events", Map.of("start_after", "2027-01-01T00:00:00Z",
                "start_before", "2027-03-01T00:00:00Z", "expand", true)));
        assertThat(expanded).isEqualTo(JSON.readTree(rest("GET", "/api/v1/events?start_after=2027-01-01T00:00:00Z"
                + "&start_before=2027-03-01T00:00:00Z&expand=true", key, null).body()));
        assertThat(expanded.path("events")).filteredOn(e -> e.path("id").asText().equals(id))
                .extracting(e -> e.path("recurringEventId").asText()).containsOnly(id);

        JsonNode split = ok(call(atlas, "update_occurrence", Map.of("id", id, "original_start", "2027-01-25T17:00:00Z",
                "following", true, "title", "Yoga, new room", "location", "Room 2")));
        String newSeries = split.path("event").path("id").asText();
        assertThat(newSeries).isNotEqualTo(id);
        assertThat(split.path("event").path("start").asText()).isEqualTo("2027-01-25T17:00:00Z");
        assertThat(split.path("event").path("title").asText()).isEqualTo("Yoga, new room");
        assertThat(split.path("etag").asText()).startsWith("\"v");
        assertThat(originalStarts(ok(call(atlas, "list_occurrences", window))))
                .containsExactly("2027-01-04T17:00:00Z", "2027-01-11T17:00:00Z");

        Map<String, Object> newWindow = Map.of("id", newSeries, "start_after", "2027-01-01T00:00:00Z",
                "start_before", "2027-03-01T00:00:00Z");
        assertThat(originalStarts(ok(call(atlas, "list_occurrences", newWindow))))
                .containsExactly("2027-01-25T17:00:00Z", "2027-02-01T17:00:00Z", "2027-02-08T17:00:00Z");
        assertThat(ok(call(atlas, "cancel_occurrence", Map.of("id", newSeries, "original_start", "2027-02-01T17:00:00Z",
                "following", true)))).isEqualTo(deleted());
        assertThat(originalStarts(ok(call(atlas, "list_occurrences", newWindow)))).containsExactly("2027-01-25T17:00:00Z");
    }

    // ---- free/busy and free slots

    @Test
    void free_busy_and_free_slots_come_from_the_same_busy_time_as_rest() throws Exception {
        ok(call(borealis, "create_event", Map.of("title", "Late shift", "start", "2027-02-28T22:00:00+01:00",
                "end", "2027-03-01T09:30:00+01:00")));
        ok(call(borealis, "create_event", Map.of("title", "Review", "start", "2027-03-01T10:00:00+01:00",
                "end", "2027-03-01T11:00:00+01:00")));
        ok(call(borealis, "create_event", Map.of("title", "Lunch", "start", "2027-03-01T12:00:00+01:00",
                "end", "2027-03-01T13:00:00+01:00", "rrule", "FREQ=DAILY;COUNT=3")));

        JsonNode busy = ok(call(borealis, "get_free_busy", Map.of("start_after", "2027-03-01T00:00:00+01:00",
                "start_before", "2027-03-02T00:00:00+01:00")));
        assertThat(busy).isEqualTo(JSON.readTree(rest("GET", "/api/v1/freebusy?start_after=2027-03-01T00:00:00%2B01:00"
                + "&start_before=2027-03-02T00:00:00%2B01:00", "Bearer " + borealis.apiKey().reveal(), null).body()));
        assertThat(spans(busy.path("busy"))).containsExactly("2027-03-01T09:00:00Z/2027-03-01T10:00:00Z",
                "2027-03-01T11:00:00Z/2027-03-01T12:00:00Z");
        assertThat(busy.path("timezone").asText()).isEqualTo("Europe/Berlin");

        JsonNode free = ok(call(borealis, "find_free_slots", Map.of("start_after", "2027-03-01T00:00:00+01:00",
                "start_before", "2027-03-03T00:00:00+01:00", "duration_minutes", 45, "day_start", "09:00",
                "day_end", "17:00")));
        // The late shift began before the window and still runs until 09:30: not free, and 30 minutes is too short.
        assertThat(spans(free.path("free"))).containsExactly("2027-03-01T10:00:00Z/2027-03-01T11:00:00Z",
                "2027-03-01T12:00:00Z/2027-03-01T16:00:00Z", "2027-03-02T08:00:00Z/2027-03-02T11:00:00Z",
                "2027-03-02T12:00:00Z/2027-03-02T16:00:00Z");
        assertThat(free.path("timezone").asText()).isEqualTo("Europe/Berlin");

        JsonNode invalid = error(call(borealis, "find_free_slots", Map.of("start_after", "2027-03-02T00:00:00Z",
                "start_before", "2027-03-01T00:00:00Z", "duration_minutes", 0, "day_start", "9am")));
        assertThat(invalid.path("error").asText()).isEqualTo("Validation failed");
        assertThat(invalid.path("issues")).extracting(i -> i.path("path").asText())
                .containsExactlyInAnyOrder("start_before", "duration_minutes", "day_start");
        McpError missing = catchThrowableOfType(McpError.class, () -> client(borealis.apiKey().reveal()).callTool(
                new McpSchema.CallToolRequest("find_free_slots", Map.of("start_after", "2027-03-01T00:00:00Z"))));
        assertThat(missing.getMessage()).contains("missing required argument 'start_before'",
                "missing required argument 'duration_minutes'");
    }

    // ---- changes

    @Test
    void get_changes_syncs_in_full_then_continues_from_its_cursor_with_the_rest_feed() throws Exception {
        NewAgent syncer = newAgent(owner, "Syncer");
        String key = "Bearer " + syncer.apiKey().reveal();
        String event = ok(call(syncer, "create_event", Map.of("title", "Synced", "start", "2027-04-01T09:00:00Z",
                "end", "2027-04-01T10:00:00Z"))).path("event").path("id").asText();
        String document = ok(call(syncer, "create_document", Map.of("title", "Log", "content", "secret text")))
                .path("document").path("id").asText();

        JsonNode full = ok(call(syncer, "get_changes", Map.of()));
        assertThat(full.path("changes")).extracting(c -> c.path("type").asText() + " " + c.path("id").asText() + " "
                + c.path("change").asText()).containsExactly("event " + event + " upserted",
                "document " + document + " upserted");
        assertThat(full.path("changes").get(1).path("document").has("content")).isFalse();
        assertThat(full.path("hasMore").asBoolean()).isFalse();
        assertThat(full.path("changes")).isEqualTo(JSON.readTree(rest("GET", "/api/v1/changes", key, null).body())
                .path("changes"));

        ok(call(syncer, "delete_document", Map.of("id", document)));
        String cursor = full.path("nextCursor").asText();
        JsonNode next = ok(call(syncer, "get_changes", Map.of("cursor", cursor, "limit", 10)));
        assertThat(next.path("changes")).hasSize(1);
        assertThat(next.path("changes").get(0).path("change").asText()).isEqualTo("deleted");
        assertThat(next.path("changes").get(0).has("document")).isFalse();
        // One feed: the cursor a tool handed out continues on REST too.
        assertThat(next.path("changes")).isEqualTo(JSON.readTree(rest("GET", "/api/v1/changes?cursor="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8), key, null).body())
                .path("changes"));
        assertThat(error(call(syncer, "get_changes", Map.of("cursor", "not-a-cursor"))).path("error").asText())
                .startsWith("Cursor expired or unknown");
        assertThat(error(call(syncer, "get_changes", Map.of("limit", 0))).path("issues"))
                .extracting(i -> i.path("path").asText()).containsExactly("limit");
    }

    @Test
    void a_docs_only_key_lists_no_event_tool_and_its_changes_hold_only_documents() {
        NewAgent writer = newAgent(owner, "Writer");
        ok(call(writer, "create_event", Map.of("title", "Hidden", "start", "2027-04-02T09:00:00Z",
                "end", "2027-04-02T10:00:00Z")));
        ok(call(writer, "create_document", Map.of("title", "Visible", "content", "x")));
        String docsKey = app.useCases().createApiKey().create(owner, writer.agent().id().toString(),
                new KeyInput(Field.of("docs reader"), Field.of(List.of("docs:read")), Field.absent())).secret().reveal();
        McpSyncClient client = client(docsKey);

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactly("whoami", "list_documents", "get_document", "get_changes");
        for (String tool : List.of("list_occurrences", "get_free_busy", "find_free_slots")) {
            JsonNode refused = error(client.callTool(new McpSchema.CallToolRequest(tool, Map.of())));
            assertThat(refused.path("error").asText()).as(tool).isEqualTo("This key lacks the scope events:read");
        }
        JsonNode changes = ok(client.callTool(new McpSchema.CallToolRequest("get_changes", Map.of())));
        assertThat(changes.path("changes")).extracting(c -> c.path("type").asText()).containsExactly("document");
    }

    // ---- isolation and status

    @Test
    void two_agents_of_one_owner_cannot_see_or_touch_each_others_ids() {
        String event = ok(call(atlas, "create_event", Map.of("title", "Private", "start", "2026-12-05T10:00:00Z",
                "end", "2026-12-05T11:00:00Z"))).path("event").path("id").asText();
        String document = ok(call(atlas, "create_document", Map.of("title", "Secret", "content", "x")))
                .path("document").path("id").asText();

        assertThat(error(call(borealis, "get_event", Map.of("id", event))).path("error").asText()).isEqualTo("Event not found");
        assertThat(error(call(borealis, "update_event", Map.of("id", event, "title", "Mine now"))).path("error").asText())
                .isEqualTo("Event not found");
        assertThat(error(call(borealis, "delete_event", Map.of("id", event))).path("error").asText()).isEqualTo("Event not found");
        assertThat(error(call(borealis, "get_document", Map.of("id", document))).path("error").asText())
                .isEqualTo("Document not found");
        assertThat(error(call(borealis, "delete_document", Map.of("id", document))).path("error").asText())
                .isEqualTo("Document not found");
        assertThat(ok(call(borealis, "list_events", Map.of())).path("events"))
                .extracting(e -> e.path("id").asText()).doesNotContain(event);
        assertThat(ok(call(borealis, "list_documents", Map.of())).path("documents"))
                .extracting(d -> d.path("id").asText()).doesNotContain(document);

        assertThat(ok(call(atlas, "get_event", Map.of("id", event))).path("event").path("title").asText()).isEqualTo("Private");
        assertThat(ok(call(atlas, "get_document", Map.of("id", document))).path("document").path("title").asText())
                .isEqualTo("Secret");
    }

    @Test
    void another_agents_series_id_and_cursor_give_not_found_and_no_data() {
        String series = ok(call(atlas, "create_event", Map.of("title", "Private series", "start", "2027-05-03T09:00:00Z",
                "end", "2027-05-03T10:00:00Z", "rrule", "FREQ=DAILY;COUNT=3"))).path("event").path("id").asText();
        String cursor = ok(call(atlas, "get_changes", Map.of("limit", 1))).path("nextCursor").asText();
        Map<String, Object> window = Map.of("start_after", "2027-05-03T00:00:00Z", "start_before", "2027-05-06T00:00:00Z");
        Map<String, Object> one = Map.of("id", series, "original_start", "2027-05-04T09:00:00Z");

        for (McpSchema.CallToolResult refused : List.of(
                call(borealis, "list_occurrences", with(window, "id", series)),
                call(borealis, "update_occurrence", with(one, "title", "Mine now")),
                call(borealis, "update_occurrence", with(one, "following", true)),
                call(borealis, "cancel_occurrence", one),
                call(borealis, "cancel_occurrence", with(one, "following", true)))) {
            assertThat(error(refused)).isEqualTo(JSON.createObjectNode().put("error", "Event not found"));
        }
        JsonNode foreignCursor = error(call(borealis, "get_changes", Map.of("cursor", cursor)));
        assertThat(foreignCursor.path("error").asText()).startsWith("Cursor expired or unknown");
        assertThat(foreignCursor.has("changes")).isFalse();
        assertThat(ok(call(borealis, "get_free_busy", window)).path("busy")).isEmpty();
        assertThat(spans(ok(call(borealis, "find_free_slots", with(window, "duration_minutes", 60))).path("free")))
                .containsExactly("2027-05-03T00:00:00Z/2027-05-06T00:00:00Z");
        assertThat(ok(call(borealis, "get_changes", Map.of("limit", 500))).path("changes"))
                .extracting(c -> c.path("id").asText()).doesNotContain(series);

        assertThat(ok(call(atlas, "list_occurrences", with(window, "id", series))).path("occurrences")).hasSize(3);
        assertThat(ok(call(atlas, "get_free_busy", window)).path("busy")).hasSize(3);
    }

    @Test
    void a_read_only_agent_reads_but_every_write_is_refused() {
        assertThat(ok(call(reader, "list_events", Map.of())).path("events").isArray()).isTrue();
        assertThat(ok(call(reader, "whoami", Map.of())).path("agent").path("name").asText()).isEqualTo("Reader");
        assertThat(ok(call(reader, "find_free_slots", Map.of("start_after", "2027-01-04T00:00:00Z",
                "start_before", "2027-01-05T00:00:00Z", "duration_minutes", 30))).path("free")).hasSize(1);

        for (McpSchema.CallToolResult refused : List.of(
                call(reader, "create_event", Map.of("title", "x", "start", "2026-12-01T09:00:00Z", "end", "2026-12-01T10:00:00Z")),
                call(reader, "create_document", Map.of("title", "x")),
                call(reader, "delete_event", Map.of("id", UUID.randomUUID().toString())),
                call(reader, "cancel_occurrence", Map.of("id", UUID.randomUUID().toString(),
                        "original_start", "2027-01-04T17:00:00Z")))) {
            assertThat(error(refused).path("error").asText()).isEqualTo("Agent is read-only");
        }
    }

    @Test
    void a_suspended_agent_connects_but_every_tool_is_refused() {
        McpSyncClient client = client(sleeper.apiKey().reveal());
        assertThat(client.listTools().tools()).isNotEmpty();

        for (String tool : List.of("whoami", "list_events", "list_documents", "get_changes")) {
            assertThat(error(call(sleeper, tool, Map.of())).path("error").asText()).isEqualTo("Agent is suspended");
        }
        // As on REST, the suspension is named before anything is made of the arguments.
        assertThat(error(call(sleeper, "find_free_slots", Map.of("duration_minutes", 0))).path("error").asText())
                .isEqualTo("Agent is suspended");
    }

    // ---- the HTTP edge

    @Test
    void a_missing_or_bad_key_is_401_with_www_authenticate_bearer() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
        for (String authorization : new String[] {null, "Bearer ak_not_a_real_key", "Basic dXNlcjpwYXNz"}) {
            HttpResponse<String> response = post(authorization, initialize);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
        }
    }

    @Test
    void get_is_405_a_notification_is_202_garbage_is_a_parse_error_and_limits_apply() throws Exception {
        String key = "Bearer " + atlas.apiKey().reveal();
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/mcp"))
                .header("Authorization", key).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);

        HttpResponse<String> notification = post(key, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(notification.statusCode()).isEqualTo(202);
        assertThat(notification.body()).isEmpty();

        HttpResponse<String> garbage = post(key, "{\"jsonrpc\":");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(garbage.body()).path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(JSON.readTree(garbage.body()).path("id").isNull()).isTrue();
        HttpResponse<String> notJsonRpc = post(key, "{\"hello\":\"world\"}");
        assertThat(notJsonRpc.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJsonRpc.body()).path("error").path("code").asInt()).isEqualTo(-32600);

        HttpResponse<String> ping = post(key, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(ping.body()).path("id").asInt()).isEqualTo(7);
        assertThat(ping.headers().firstValue("RateLimit-Policy")).hasValueSatisfying(p -> assertThat(p).startsWith("\"key\""));
        assertThat(ping.headers().firstValue("X-Request-Id")).isPresent();

        HttpResponse<String> oldRevision = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/mcp"))
                .header("Authorization", key).header("Content-Type", "application/json")
                .header("MCP-Protocol-Version", "2024-11-05")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oldRevision.statusCode()).isEqualTo(400);
    }

    // ---- the same JSON as REST

    @Test
    void tool_results_are_the_rest_api_json_for_the_same_event_document_and_errors() throws Exception {
        String key = "Bearer " + atlas.apiKey().reveal();
        HttpResponse<String> restCreated = rest("POST", "/api/v1/events", key, "{\"title\":\"All hands\","
                + "\"start\":\"2026-12-10\",\"end\":\"2026-12-11\",\"allDay\":true,\"description\":\"Q4\",\"color\":\"#1a73e8\"}");
        assertThat(restCreated.statusCode()).isEqualTo(201);
        String eventId = JSON.readTree(restCreated.body()).path("event").path("id").asText();
        HttpResponse<String> restEvent = rest("GET", "/api/v1/events/" + eventId, key, null);
        JsonNode mcpEvent = ok(call(atlas, "get_event", Map.of("id", eventId)));
        assertThat(mcpEvent.path("event")).isEqualTo(JSON.readTree(restEvent.body()).path("event"));
        assertThat(mcpEvent.path("etag").asText()).isEqualTo(restEvent.headers().firstValue("ETag").orElseThrow());
        JsonNode restList = JSON.readTree(rest("GET", "/api/v1/events?start_after=2026-12-10T00:00:00Z"
                + "&start_before=2026-12-11T00:00:00Z", key, null).body());
        assertThat(ok(call(atlas, "list_events", Map.of("start_after", "2026-12-10T00:00:00Z",
                "start_before", "2026-12-11T00:00:00Z")))).isEqualTo(restList);

        String documentId = ok(call(atlas, "create_document", Map.of("title", "Scores", "type", "sheet",
                "content", "[{\"name\":\"Ada\",\"score\":3}]"))).path("document").path("id").asText();
        HttpResponse<String> restDocument = rest("GET", "/api/v1/docs/" + documentId, key, null);
        assertThat(ok(call(atlas, "get_document", Map.of("id", documentId))).path("document"))
                .isEqualTo(JSON.readTree(restDocument.body()).path("document"));
        assertThat(ok(call(atlas, "list_documents", Map.of("content", false))))
                .isEqualTo(JSON.readTree(rest("GET", "/api/v1/docs?content=false", key, null).body()));

        String unknown = UUID.randomUUID().toString();
        assertThat(error(call(atlas, "get_event", Map.of("id", unknown))))
                .isEqualTo(JSON.readTree(rest("GET", "/api/v1/events/" + unknown, key, null).body()));
        String invalid = "{\"title\":\"\",\"start\":\"2026-12-02T10:00:00Z\",\"end\":\"2026-12-02T09:00:00Z\"}";
        HttpResponse<String> restInvalid = rest("POST", "/api/v1/events", key, invalid);
        assertThat(restInvalid.statusCode()).isEqualTo(400);
        McpSchema.CallToolResult mcpInvalid = call(atlas, "create_event", Map.of("title", "",
                "start", "2026-12-02T10:00:00Z", "end", "2026-12-02T09:00:00Z"));
        assertThat(error(mcpInvalid)).isEqualTo(JSON.readTree(restInvalid.body()));
        assertThat(((McpSchema.TextContent) mcpInvalid.content().get(0)).text()).isEqualTo(restInvalid.body());
    }

    // ---- helpers

    private static NewAgent newAgent(UserPrincipal owner, String name) {
        return app.useCases().createAgent().create(owner,
                new AgentInput(Field.of(name), Field.absent(), Field.of("Europe/Berlin"), Field.absent()));
    }

    private static void setStatus(UserPrincipal owner, NewAgent agent, String status) {
        app.useCases().updateAgent().update(owner, agent.agent().id().toString(),
                new AgentInput(Field.absent(), Field.absent(), Field.absent(), Field.of(status)));
    }

    private static final Map<String, McpSyncClient> BY_KEY = new LinkedHashMap<>();

    /** An initialized SDK client over Streamable HTTP that sends {@code key} as its bearer credential. */
    private static synchronized McpSyncClient client(String key) {
        return BY_KEY.computeIfAbsent(key, k -> {
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder(server.baseUri().toString())
                    .endpoint("/mcp")
                    .httpRequestCustomizer((request, method, uri, body, context) ->
                            request.header("Authorization", "Bearer " + k))
                    .build();
            McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
            client.initialize();
            CLIENTS.add(client);
            return client;
        });
    }

    private static McpSchema.CallToolResult call(NewAgent agent, String tool, Map<String, Object> arguments) {
        return client(agent.apiKey().reveal()).callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** The structured result of a successful call, checked to equal its text content. */
    private static JsonNode ok(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as("isError of %s", result.content()).isFalse();
        return body(result);
    }

    private static JsonNode error(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as("isError of %s", result.content()).isTrue();
        return body(result);
    }

    private static JsonNode body(McpSchema.CallToolResult result) {
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertThat(result.content()).hasSize(1);
        try {
            assertThat(JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text())).isEqualTo(structured);
        } catch (IOException e) {
            throw new AssertionError("text content is not JSON", e);
        }
        return structured;
    }

    /** {@code arguments} plus one more. */
    private static Map<String, Object> with(Map<String, Object> arguments, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(arguments);
        more.put(name, value);
        return more;
    }

    private static List<String> originalStarts(JsonNode occurrences) {
        List<String> names = new ArrayList<>();
        occurrences.path("occurrences").forEach(o -> names.add(o.path("originalStart").asText()));
        return names;
    }

    /** Busy or free intervals as {@code start/end}. */
    private static List<String> spans(JsonNode intervals) {
        List<String> spans = new ArrayList<>();
        intervals.forEach(i -> spans.add(i.path("start").asText() + "/" + i.path("end").asText()));
        return spans;
    }

    private static JsonNode deleted() {
        return JSON.createObjectNode().put("deleted", true);
    }

    private static JsonNode schema(McpSchema.Tool tool) {
        return JSON.valueToTree(tool.inputSchema());
    }

    private static McpSchema.Tool tool(List<McpSchema.Tool> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** A map that may hold {@code null} values (which {@code Map.of} refuses): name, value pairs. */
    private static Map<String, Object> nullable(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static HttpResponse<String> post(String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> rest(String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
