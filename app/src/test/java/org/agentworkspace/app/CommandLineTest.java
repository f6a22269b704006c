package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsMeansServe() {
        assertThat(CommandLine.parse(List.of()).command()).isEqualTo("serve");
    }

    @Test
    void twoWordCommandsTakeTheirOptionsInBothSpellings() {
        CommandLine line = CommandLine.parse(List.of("agent", "create", "--owner", "user_123", "--name=Atlas"));

        assertThat(line.command()).isEqualTo("agent create");
        assertThat(line.options()).isEqualTo(Map.of("owner", "user_123", "name", "Atlas"));
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("agent", "delete")))
                .hasMessage("Unknown command 'agent delete'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("user", "add", "--mail", "a@b.c")))
                .hasMessageContaining("Unknown option --mail").hasMessageContaining("--email");
        assertThatThrownBy(() -> CommandLine.parse(List.of("user", "add", "--id")))
                .hasMessage("Option --id needs a value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("agent", "create", "--name", "A")).required("owner"))
                .hasMessage("'agent create' needs --owner");
    }
}
