package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.DocumentInput;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.in.KeyInput;
import org.agentworkspace.core.port.in.OccurrenceInput;
import org.agentworkspace.core.port.in.SubscriptionInput;

/** Request bodies as core's input records; unknown fields are refused here, everything else is core's to judge. */
final class Inputs {
    private Inputs() {
    }

    static EventInput event(ObjectNode body) {
        BodyFields f = BodyFields.of(body, EventInput.FIELD_NAMES);
        return new EventInput(f.string("title"), f.string("start"), f.string("end"), f.bool("allDay"),
                f.string("description"), f.string("location"), f.string("rrule"), f.string("timezone"),
                f.string("color"));
    }

    static OccurrenceInput occurrence(ObjectNode body) {
        OccurrenceInput.refuseSeriesFields(body::has);
        BodyFields f = BodyFields.of(body, OccurrenceInput.FIELD_NAMES);
        return new OccurrenceInput(f.string("title"), f.string("start"), f.string("end"), f.string("description"),
                f.string("location"), f.string("color"));
    }

    static DocumentInput document(ObjectNode body) {
        BodyFields f = BodyFields.of(body, DocumentInput.FIELD_NAMES);
        return new DocumentInput(f.string("title"), f.string("type"), f.string("content"));
    }

    static AgentInput newAgent(ObjectNode body) {
        BodyFields f = BodyFields.of(body, AgentInput.CREATE_FIELD_NAMES);
        return new AgentInput(f.string("name"), f.string("description"), f.string("timezone"), Field.absent());
    }

    static AgentInput agentChange(ObjectNode body) {
        BodyFields f = BodyFields.of(body, AgentInput.UPDATE_FIELD_NAMES);
        return new AgentInput(f.string("name"), f.string("description"), f.string("timezone"), f.string("status"));
    }

    static KeyInput key(ObjectNode body) {
        BodyFields f = BodyFields.of(body, KeyInput.FIELD_NAMES);
        return new KeyInput(f.string("label"), f.strings("scopes"), f.string("expiresAt"));
    }

    static final java.util.List<String> ROTATE_FIELDS = java.util.List.of("graceSeconds");

    static Field<Long> graceSeconds(ObjectNode body) {
        return BodyFields.of(body, ROTATE_FIELDS).integer("graceSeconds");
    }

    static SubscriptionInput subscription(ObjectNode body) {
        BodyFields f = BodyFields.of(body, SubscriptionInput.FIELD_NAMES);
        return new SubscriptionInput(f.string("label"), f.string("email"), f.string("detail"));
    }
}
