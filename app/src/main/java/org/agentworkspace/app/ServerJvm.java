package org.agentworkspace.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code serve} in a JVM sized for the server (issue 21). A jar cannot set its own heap limit, and
 * at JVM defaults the heap grows towards a quarter of the machine's RAM under load; so when
 * {@code java -jar agentworkspace.jar serve} was started without JVM options of the operator's own,
 * this JVM starts the server as a child {@code java} with {@link #FLAGS}, hands it the same
 * arguments, environment, standard input, output and error, stops it when it is itself asked to
 * stop (SIGTERM, SIGINT, SIGHUP) and exits with the child's status. Every other command, and
 * {@code serve} with any {@code -X…}/{@code -XX:…}/agent option or {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS} set, runs in this JVM: the operator's flags win
 * whole. Only {@code -D} system properties are passed on. See "Memory" in docs/operations.md.
 *
 * <p>This class is the launcher's whole path: it loads no logging, so the waiting JVM stays small.
 */
final class ServerJvm {
    /** Set on the child's command line to the launcher's pid: the server runs here, no further launch. */
    static final String CHILD_PROPERTY = "agentworkspace.server-jvm";
    /** {@code false}: {@code serve} runs in the JVM as started, whatever its options. */
    static final String SWITCH = "AW_JVM_DEFAULTS";
    static final List<String> OPERATOR_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /**
     * The server's JVM: a heap limit it can live in with headroom for the largest response built in
     * memory (a document list with content), the collector that suits a small heap on few cores,
     * and bounds on the native parts that otherwise grow with the machine (measured in
     * docs/operations.md, "Memory"): compiled code, the per-thread cache of direct buffers NIO
     * keeps for socket writes.
     */
    static final List<String> FLAGS = List.of(
            "-XX:+UseSerialGC",
            // The whole heap from the start: grown from a small one, its young generation stays small
            // and a busy server spends half its time collecting (measured).
            "-Xms128m",
            "-Xmx128m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Djdk.nio.maxCachedBufferSize=32768");
    /**
     * glibc keeps up to eight malloc arenas per core, each growing on its own; the JVM's native
     * allocations (compiler, class loading, NIO) need two. An operator's own value wins.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private ServerJvm() {
    }

    /**
     * The child's command when {@code serve} should run in a JVM of its own; empty when this JVM
     * serves (another command, the child itself, the operator's own JVM options, the switch off,
     * or not started from the jar).
     *
     * @param jvmArguments this JVM's options as the launcher received them (all sources)
     * @param launcherPid this process, which the child watches
     */
    static Optional<List<String>> childCommand(List<String> args, Map<String, String> env, List<String> jvmArguments,
                                               Optional<Path> jar, Path javaHome, long launcherPid) {
        boolean serve = args.isEmpty() || args.get(0).equals("serve");
        boolean child = jvmArguments.stream().anyMatch(a -> a.startsWith("-D" + CHILD_PROPERTY + "="));
        if (!serve || child || jar.isEmpty()
                || "false".equalsIgnoreCase(env.getOrDefault(SWITCH, "").trim())) {
            return Optional.empty();
        }
        if (OPERATOR_OPTION_VARIABLES.stream().anyMatch(name -> !env.getOrDefault(name, "").isBlank())
                || jvmArguments.stream().anyMatch(a -> !a.startsWith("-D"))) {
            return Optional.empty();
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(FLAGS);
        command.addAll(jvmArguments);
        command.add("-D" + CHILD_PROPERTY + "=" + launcherPid);
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(args);
        return Optional.of(List.copyOf(command));
    }

    /**
     * Runs {@code serve} in a child JVM when {@link #childCommand} says so and returns its exit
     * status; empty when this JVM should serve itself (also when the child could not be started).
     */
    static Optional<Integer> serveInChild(List<String> args) {
        Map<String, String> env = System.getenv();
        Optional<Path> jar = runningJar();
        Path javaHome = Path.of(System.getProperty("java.home"));
        Optional<List<String>> command = childCommand(args, env, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                jar, javaHome, ProcessHandle.current().pid());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClassArchive> archive = ClassArchive.in(dataDir(env), jar.get(), javaHome);
        List<String> withArchive = new ArrayList<>(command.get());
        archive.ifPresent(a -> withArchive.addAll(1, a.flags()));
        ProcessBuilder builder = new ProcessBuilder(withArchive).inheritIO();
        ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            System.err.println("Could not start the server's JVM (" + e.getMessage() + "); serving in this one");
            return Optional.empty();
        }
        // SIGTERM, SIGINT and SIGHUP end this JVM through its shutdown hooks: pass the stop on and
        // wait, so the server drains its requests and stops the embedded database before we exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            int status = waitFor(child);
            archive.ifPresent(a -> a.keepIfWritten(status));
        }, "stop-server-jvm"));
        int status = waitFor(child);
        archive.ifPresent(a -> a.keepIfWritten(status));
        return Optional.of(status);
    }

    /** Where {@link AppConfig} puts the data directory; read here without loading the rest of the configuration. */
    static Path dataDir(Map<String, String> env) {
        String dir = env.getOrDefault("AW_DATA_DIR", "").trim();
        return Path.of(dir.isEmpty() ? "./.agentworkspace" : dir).toAbsolutePath().normalize();
    }

    /**
     * In the child: when the launcher disappears without stopping it (SIGKILL), stop gracefully
     * instead of holding the port and the database with no one to stop it.
     */
    static void stopWithLauncher() {
        String launcherPid = System.getProperty(CHILD_PROPERTY, "");
        if (!launcherPid.matches("\\d{1,18}")) {
            return;
        }
        // Only the launcher that started us: a command line copied into a shell has another parent.
        ProcessHandle.current().parent().filter(p -> p.pid() == Long.parseLong(launcherPid))
                .ifPresent(launcher -> launcher.onExit().thenRun(() -> {
            System.err.println("The launching JVM (pid " + launcher.pid() + ") is gone; stopping");
            System.exit(1);
        }));
    }

    private static int waitFor(Process child) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    // The child's status is what this JVM exits with: keep waiting for it.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Optional<Path> runningJar() {
        try {
            java.security.CodeSource source = ServerJvm.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && path.toString().endsWith(".jar") && Files.isRegularFile(path)
                    ? Optional.of(path) : Optional.empty();
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
