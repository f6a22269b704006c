package org.agentworkspace.core.domain;

import java.util.Arrays;
import java.util.Optional;

/** How much of each event a feed subscription reveals. */
public enum FeedDetail {
    /** Every field of the event. */
    FULL("full"),
    /** Times only: every summary is "Busy", no description or location. */
    BUSY("busy");

    private final String wireName;

    FeedDetail(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FeedDetail> fromWire(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}
