package org.agentworkspace.core.domain;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The contract's rules for an agent: {@code name} 1 to 200 characters, {@code description} at
 * most 2,000, {@code timezone} an IANA zone id (default and "cleared" value {@code UTC}),
 * {@code status} {@code active}, {@code read_only} or {@code suspended} on update only; a new agent
 * is active.
 */
public final class AgentRules {
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2_000;
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");

    private AgentRules() {
    }

    /** @throws ValidationFailed with every issue */
    public static AgentData forCreate(Field<String> name, Field<String> description, Field<String> timezone,
                                      Field<String> status) {
        Issues issues = new Issues();
        String validName = name(Fields.required(name, "name", issues), issues);
        String validDescription = description(description, issues);
        ZoneId zone = timezone(timezone, issues);
        if (status.isPresent()) {
            issues.add("status", "status cannot be set at creation; a new agent is active");
        }
        issues.throwIfAny();
        return new AgentData(validName, validDescription, zone, AgentStatus.ACTIVE);
    }

    /** Sent fields over {@code stored}. @throws ValidationFailed with every issue */
    public static AgentData forUpdate(Agent stored, Field<String> name, Field<String> description,
                                      Field<String> timezone, Field<String> status) {
        Issues issues = new Issues();
        String validName = name.isPresent() ? name(Fields.required(name, "name", issues), issues) : stored.name();
        String validDescription = description.isPresent() ? description(description, issues) : stored.description();
        ZoneId zone = timezone.isPresent() ? timezone(timezone, issues) : stored.timezone();
        AgentStatus validStatus = stored.status();
        if (status.isPresent()) {
            String text = Fields.required(status, "status", issues);
            if (text != null) {
                Optional<AgentStatus> parsed = AgentStatus.fromWire(text);
                if (parsed.isEmpty()) {
                    issues.add("status", "status must be one of active, read_only, suspended");
                }
                validStatus = parsed.orElse(null);
            }
        }
        issues.throwIfAny();
        return new AgentData(validName, validDescription, zone, validStatus);
    }

    private static String name(String name, Issues issues) {
        if (name == null) {
            return null;
        }
        if (!Fields.lengthBetween(name, 1, NAME_MAX)) {
            issues.add("name", "name must be 1 to " + NAME_MAX + " characters");
        } else if (name.isBlank()) {
            issues.add("name", "name must not be blank");
        }
        return name;
    }

    private static String description(Field<String> field, Issues issues) {
        String description = Fields.optional(field, "description", issues);
        Fields.maxLength(description, DESCRIPTION_MAX, "description", issues);
        return description;
    }

    private static ZoneId timezone(Field<String> field, Issues issues) {
        String text = Fields.optional(field, "timezone", issues);
        return text == null ? DEFAULT_TIMEZONE : Zones.parse(text, "timezone", issues);
    }
}
