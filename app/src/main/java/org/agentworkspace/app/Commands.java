package org.agentworkspace.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.KeyInput;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.ownership.UserPrincipal;

/** What each command of the command line does, on a started {@link Application}. */
final class Commands {
    private final AppConfig config;
    private final PrintStream out;

    Commands(AppConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run(CommandLine line) {
        return switch (line.command()) {
            case "serve" -> serve();
            case "migrate" -> migrate();
            case "user add" -> addUser(line);
            case "agent create" -> createAgent(line);
            case "key create" -> createKey(line);
            case "key revoke" -> revokeKey(line);
            case "login" -> login();
            default -> throw new CommandLine.UsageException("Unknown command '" + line.command() + "'");
        };
    }

    private int serve() {
        Application app = Application.open(config);
        RunningServer server;
        try {
            server = app.startServer();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stopGracefully();
            app.close();
            Main.flushLogs();
            stopped.countDown();
        }, "shutdown"));
        out.println("AgentWorkspace is serving on " + server.baseUri() + " (public URL " + config.publicUrl() + ")");
        app.startupSignIn().ifPresent(how -> out.println("Sign in to the dashboard: " + how));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int migrate() {
        try (Application app = Application.open(config)) {
            out.println("Migrations applied; schema version " + app.schemaVersion());
        }
        return 0;
    }

    private int addUser(CommandLine line) {
        UserProfile profile = new UserProfile(userId(line.required("id")), line.option("email").orElse(null),
                line.option("first-name").orElse(null), line.option("last-name").orElse(null), null);
        try (Application app = Application.open(config)) {
            app.useCases().actAsUser().addUser(profile);
            out.println("User " + profile.id() + " saved");
        }
        return 0;
    }

    private int createAgent(CommandLine line) {
        AgentInput input = new AgentInput(Field.of(line.required("name")),
                Field.ofNullable(line.option("description").orElse(null)),
                Field.ofNullable(line.option("timezone").orElse(null)), Field.absent());
        try (Application app = Application.open(config)) {
            UserPrincipal owner = app.useCases().actAsUser().actAs(line.required("owner"));
            NewAgent created = app.useCases().createAgent().create(owner, input);
            out.println("Agent created");
            out.println("  id:       " + created.agent().id());
            out.println("  name:     " + created.agent().name());
            out.println("  API key:  " + created.apiKey().reveal());
            out.println("            (shown once: only its digest is stored; regenerate it if lost)");
            out.println("  feed URL: " + app.feedUrls().urlOf(created.subscription()));
        }
        return 0;
    }

    private int createKey(CommandLine line) {
        String agentId = line.required("agent");
        KeyInput input = new KeyInput(Field.ofNullable(line.option("label").orElse(null)),
                Field.ofNullable(line.option("scopes").map(Commands::scopeList).orElse(null)),
                Field.ofNullable(line.option("expires").orElse(null)));
        try (Application app = Application.open(config)) {
            UserPrincipal owner = app.useCases().actAsUser().actAsOwnerOf(agentId);
            IssuedKey issued = app.useCases().createApiKey().create(owner, agentId, input);
            out.println("Key created");
            out.println("  id:       " + issued.key().id());
            out.println("  scopes:   " + String.join(",", issued.key().scopes().stream().sorted()
                    .map(org.agentworkspace.core.domain.Scope::wireName).toList()));
            out.println("  expires:  " + (issued.key().expiresAt() == null ? "never" : issued.key().expiresAt()));
            out.println("  API key:  " + issued.secret().reveal());
            out.println("            (shown once: only its digest is stored)");
        }
        return 0;
    }

    private int revokeKey(CommandLine line) {
        String agentId = line.required("agent");
        String keyId = line.required("key");
        try (Application app = Application.open(config)) {
            UserPrincipal owner = app.useCases().actAsUser().actAsOwnerOf(agentId);
            app.useCases().revokeApiKey().revoke(owner, agentId, keyId);
            out.println("Key " + keyId + " revoked");
        }
        return 0;
    }

    private static List<String> scopeList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private int login() {
        if (!config.localMode()) {
            throw new ConfigException("login is for local mode; with Clerk configured, sign in through Clerk");
        }
        try (Application app = Application.open(config)) {
            out.println("Sign in to the dashboard: " + app.renewLocalSignIn());
        }
        return 0;
    }

    private static UserId userId(String text) {
        try {
            return new UserId(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--id " + e.getMessage());
        }
    }
}
