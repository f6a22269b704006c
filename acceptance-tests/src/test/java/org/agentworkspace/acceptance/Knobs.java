package org.agentworkspace.acceptance;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The configurable counts of the run, read from {@code -Dacceptance.<name>} or the
 * {@code AW_ACCEPTANCE_<NAME>} environment variable, so CI can run a short pass and a soak a long one.
 */
final class Knobs {
    private Knobs() {
    }

    static long seed() {
        return Long.parseLong(value("seed", "20260115"));
    }

    static int fuzzCasesPerTarget() {
        return integer("fuzzCasesPerTarget", 40);
    }

    static int rotationClients() {
        return integer("rotationClients", 8);
    }

    static int crashRounds() {
        return integer("crashRounds", 2);
    }

    static int outageSeconds() {
        return integer("outageSeconds", 8);
    }

    static int webhookReplays() {
        return integer("webhookReplays", 16);
    }

    static Path jar() {
        return Path.of(value("jar", "../app/target/agentworkspace.jar")).toAbsolutePath().normalize();
    }

    static Path workDir() {
        return Path.of(value("workDir", "target/acceptance")).toAbsolutePath().normalize();
    }

    static String describe() {
        return "seed=" + seed() + " fuzzCasesPerTarget=" + fuzzCasesPerTarget() + " rotationClients="
                + rotationClients() + " crashRounds=" + crashRounds() + " outageSeconds=" + outageSeconds()
                + " webhookReplays=" + webhookReplays();
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(value(name, Integer.toString(fallback)));
    }

    private static String value(String name, String fallback) {
        String property = System.getProperty("acceptance." + name);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String env = System.getenv("AW_ACCEPTANCE_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        return env != null && !env.isBlank() ? env.trim() : fallback;
    }
}
