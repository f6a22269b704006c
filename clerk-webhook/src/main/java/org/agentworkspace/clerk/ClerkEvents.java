package org.agentworkspace.clerk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.port.in.UserChange;

/**
 * Reads a verified Clerk event ({@code {"type": …, "data": {…}}}) into a {@link UserChange}. Of the
 * user object only the id, the primary email address, the names and the image URL are kept.
 */
final class ClerkEvents {

    // The users table's limits. A value beyond them would break the upsert (a 500 that Svix then
    // retries forever), so an address or URL too long to keep whole is dropped (a cut one would be
    // wrong) and a name is cut, at a code point boundary.
    static final int MAX_EMAIL_CHARS = 320;
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_IMAGE_URL_CHARS = 2000;

    // Jackson's default read limits (nesting depth, string length) are ample for a 256 KiB body.
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClerkEvents() {
    }

    static UserChange parse(String payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new WebhookRejected("Webhook payload is not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new WebhookRejected("Webhook payload is not a JSON object");
        }
        String type = text(event, "type");
        if (type == null) {
            throw new WebhookRejected("Webhook payload has no type");
        }
        return switch (type) {
            case "user.created", "user.updated" -> new UserChange.Upsert(profile(data(event)));
            case "user.deleted" -> new UserChange.Delete(userId(data(event)));
            default -> new UserChange.Ignore(type);
        };
    }

    private static JsonNode data(JsonNode event) {
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new WebhookRejected("Webhook payload has no data object");
        }
        return data;
    }

    private static UserId userId(JsonNode data) {
        String id = text(data, "id");
        if (id == null || id.length() > UserId.MAX_LENGTH || Text.containsNul(id)) {
            throw new WebhookRejected("Webhook payload has no valid user id");
        }
        return new UserId(id);
    }

    private static UserProfile profile(JsonNode data) {
        return new UserProfile(userId(data), droppedIfLonger(primaryEmail(data), MAX_EMAIL_CHARS),
                truncated(text(data, "first_name"), MAX_NAME_CHARS), truncated(text(data, "last_name"), MAX_NAME_CHARS),
                droppedIfLonger(text(data, "image_url"), MAX_IMAGE_URL_CHARS));
    }

    // Lengths count code points, as PostgreSQL's length() does on UTF-8 text.
    private static String droppedIfLonger(String value, int maxChars) {
        return value == null || value.codePointCount(0, value.length()) <= maxChars ? value : null;
    }

    private static String truncated(String value, int maxChars) {
        if (value == null || value.codePointCount(0, value.length()) <= maxChars) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxChars));
    }

    /** The address whose id is {@code primary_email_address_id}; null when there is none. */
    private static String primaryEmail(JsonNode data) {
        String primaryId = text(data, "primary_email_address_id");
        JsonNode addresses = data.get("email_addresses");
        if (primaryId == null || addresses == null || !addresses.isArray()) {
            return null;
        }
        for (JsonNode address : addresses) {
            if (primaryId.equals(text(address, "id"))) {
                return text(address, "email_address");
            }
        }
        return null;
    }

    /** A non-blank string field, or null when it is absent, null, blank or not a string. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }
}
