package org.agentworkspace.core.builders;

import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.port.in.AgentInput;

/** An agent body; starts as a create body with just a name. */
public final class AgentInputBuilder {
    private Field<String> name = Field.of("Atlas");
    private Field<String> description = Field.absent();
    private Field<String> timezone = Field.absent();
    private Field<String> status = Field.absent();

    private AgentInputBuilder() {
    }

    public static AgentInputBuilder anAgent() {
        return new AgentInputBuilder();
    }

    /** An update body that changes nothing until fields are added. */
    public static AgentInputBuilder anAgentChange() {
        AgentInputBuilder b = new AgentInputBuilder();
        b.name = Field.absent();
        return b;
    }

    public AgentInputBuilder withName(String v) { name = Field.ofNullable(v); return this; }
    public AgentInputBuilder withName(Field<String> v) { name = v; return this; }
    public AgentInputBuilder withDescription(String v) { description = Field.ofNullable(v); return this; }
    public AgentInputBuilder withDescription(Field<String> v) { description = v; return this; }
    public AgentInputBuilder withTimezone(String v) { timezone = Field.ofNullable(v); return this; }
    public AgentInputBuilder withTimezone(Field<String> v) { timezone = v; return this; }
    public AgentInputBuilder withStatus(String v) { status = Field.ofNullable(v); return this; }
    public AgentInputBuilder withStatus(Field<String> v) { status = v; return this; }

    public AgentInput build() {
        return new AgentInput(name, description, timezone, status);
    }
}
