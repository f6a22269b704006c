package org.agentworkspace.app.web;

/** How the dashboard page obtains the session it sends as bearer to the dashboard API. */
public enum SignInMode {
    /** A one-time local secret from the sign-in URL is exchanged at {@code POST /api/local/session}. */
    LOCAL("local"),
    /** Clerk's JavaScript signs the user in and issues session tokens. */
    CLERK("clerk");

    private final String metaValue;

    SignInMode(String metaValue) {
        this.metaValue = metaValue;
    }

    /** The value of the {@code aw-auth} meta tag the page reads. */
    String metaValue() {
        return metaValue;
    }
}
