package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@code java -jar agentworkspace.jar} hands {@code serve} to a JVM of its own, and with which command. */
class ServerJvmTest {
    private static final Optional<Path> JAR = Optional.of(Path.of("/opt/aw/agentworkspace.jar"));
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    private static Optional<List<String>> command(List<String> args, Map<String, String> env, List<String> jvmArguments) {
        return ServerJvm.childCommand(args, env, jvmArguments, JAR, JAVA_HOME, 4242);
    }

    @Test
    void serveWithoutOptionsRunsInAChildWithTheServerFlagsAndTheSameArguments() {
        List<String> expected = new ArrayList<>();
        expected.add(JAVA_HOME.resolve("bin/java").toString());
        expected.addAll(ServerJvm.FLAGS);
        expected.addAll(List.of("-Dagentworkspace.server-jvm=4242", "-jar", "/opt/aw/agentworkspace.jar", "serve"));

        assertThat(command(List.of("serve"), Map.of(), List.of())).contains(expected);
        assertThat(command(List.of(), Map.of("PORT", "0"), List.of())).get().asList()
                .endsWith("-jar", "/opt/aw/agentworkspace.jar");
    }

    @Test
    void systemPropertiesArePassedOnAfterTheServerFlags() {
        List<String> command = command(List.of("serve"), Map.of(), List.of("-Dfile.encoding=UTF-8")).orElseThrow();

        assertThat(command).containsSubsequence(ServerJvm.FLAGS.get(ServerJvm.FLAGS.size() - 1), "-Dfile.encoding=UTF-8",
                "-jar");
    }

    @Test
    void theOperatorsOwnJvmOptionsWinWhole() {
        assertThat(command(List.of("serve"), Map.of(), List.of("-Xmx512m"))).isEmpty();
        assertThat(command(List.of("serve"), Map.of(), List.of("-Dx=y", "-XX:+UseG1GC"))).isEmpty();
        assertThat(command(List.of("serve"), Map.of(), List.of("-agentlib:jdwp=transport=dt_socket,server=y"))).isEmpty();
        for (String variable : ServerJvm.OPERATOR_OPTION_VARIABLES) {
            assertThat(command(List.of("serve"), Map.of(variable, "-Xmx1g"), List.of())).as(variable).isEmpty();
        }
        assertThat(command(List.of("serve"), Map.of("JAVA_TOOL_OPTIONS", " "), List.of())).isPresent();
    }

    @Test
    void otherCommandsTheChildItselfAndTheSwitchServeInThisJvm() {
        assertThat(command(List.of("user", "add", "--id", "user_1"), Map.of(), List.of())).isEmpty();
        assertThat(command(List.of("migrate"), Map.of(), List.of())).isEmpty();
        assertThat(command(List.of("help"), Map.of(), List.of())).isEmpty();
        assertThat(command(List.of("serve"), Map.of(), List.of("-Dagentworkspace.server-jvm=4242"))).isEmpty();
        assertThat(command(List.of("serve"), Map.of("AW_JVM_DEFAULTS", "false"), List.of())).isEmpty();
        assertThat(command(List.of("serve"), Map.of("AW_JVM_DEFAULTS", "true"), List.of())).isPresent();
        assertThat(ServerJvm.childCommand(List.of("serve"), Map.of(), List.of(), Optional.empty(), JAVA_HOME, 4242)).isEmpty();
    }
}
