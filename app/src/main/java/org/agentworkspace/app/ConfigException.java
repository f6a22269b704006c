package org.agentworkspace.app;

/** A configuration value is missing or wrong; the message names the variable and never echoes a secret. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
