package org.agentworkspace.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** {@code java -jar agentworkspace.jar [command]}: exit 0 on success, 2 on usage or configuration errors, 1 otherwise. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before anything else is loaded (logging included): the launching JVM only waits.
        Optional<Integer> served = ServerJvm.serveInChild(List.of(args));
        if (served.isPresent()) {
            System.exit(served.get());
        }
        ServerJvm.stopWithLauncher();
        int status = run(List.of(args), System.getenv(), System.out, System.err);
        if (status != 0 || !"serve".equals(commandOf(args))) {
            flushLogs();
            System.exit(status);
        }
    }

    /**
     * Writes out every log line still queued for the asynchronous console appender (logback.xml);
     * its writer is a daemon thread, so the JVM would not wait for it.
     */
    static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.stop();
        }
    }

    /** How to run this program again, for messages: {@code java -jar <this jar>}, its path as started. */
    static String invocation() {
        try {
            java.net.URL location = Main.class.getProtectionDomain().getCodeSource().getLocation();
            java.nio.file.Path path = java.nio.file.Path.of(location.toURI());
            if (path.toString().endsWith(".jar")) {
                return "java -jar " + path;
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // No code source (unusual class loaders): the generic form below.
        }
        return "java -jar agentworkspace.jar";
    }

    private static String commandOf(String[] args) {
        return args.length == 0 ? "serve" : args[0];
    }

    static int run(List<String> args, java.util.Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.println(CommandLine.USAGE);
            return 2;
        }
        if (line.command().equals("help")) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        try {
            return new Commands(config, out).run(line);
        } catch (CommandLine.UsageException | ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Main.class).error("Command '{}' failed", line.command(), e);
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }
}
