package org.agentworkspace.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: a command path ({@code serve}, {@code user add}, …) and its
 * {@code --name value} options. Unknown commands and options are refused with a usage hint.
 */
record CommandLine(String command, Map<String, String> options) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar agentworkspace.jar [command]",
            "",
            "  serve                                  start the server (default)",
            "  migrate                                apply database migrations and exit",
            "  user add --id USER_ID [--email E] [--first-name F] [--last-name L]",
            "                                         create or update a user",
            "  agent create --owner USER_ID --name NAME [--description D] [--timezone TZ]",
            "                                         create an agent; prints its id, API key (once) and feed URL",
            "  key create --agent AGENT_ID [--label L] [--scopes events:read,docs:read] [--expires 2027-01-01T00:00:00Z]",
            "                                         add a key to an agent; prints its id and the key (once)",
            "  key revoke --agent AGENT_ID --key KEY_ID",
            "                                         revoke one key of an agent at once",
            "  login                                  local mode: print a fresh one-time dashboard sign-in URL",
            "  help                                   this text",
            "",
            "Configuration comes from environment variables (PORT, HOST, DATABASE_URL, AW_DATA_DIR, AW_PUBLIC_URL, …);",
            "see docs/operations.md.");

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "serve", Set.of(),
            "migrate", Set.of(),
            "user add", Set.of("id", "email", "first-name", "last-name"),
            "agent create", Set.of("owner", "name", "description", "timezone"),
            "key create", Set.of("agent", "label", "scopes", "expires"),
            "key revoke", Set.of("agent", "key"),
            "login", Set.of(),
            "help", Set.of());

    static CommandLine parse(List<String> args) {
        if (args.isEmpty()) {
            return new CommandLine("serve", Map.of());
        }
        String command = args.get(0);
        int next = 1;
        if ((command.equals("user") || command.equals("agent") || command.equals("key")) && args.size() > 1) {
            command = command + " " + args.get(1);
            next = 2;
        }
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new UsageException("Unknown command '" + String.join(" ", args.subList(0, next)) + "'");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = next; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "' for '" + command + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw new UsageException("Option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("Unknown option --" + name + " for '" + command + "'"
                        + (allowed.isEmpty() ? "" : "; allowed: --" + String.join(", --", allowed.stream().sorted().toList())));
            }
            options.put(name, value);
        }
        return new CommandLine(command, Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("'" + command + "' needs --" + name));
    }

    /** The command line was wrong; the message says how. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
