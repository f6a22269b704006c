package org.agentworkspace.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every validation issue of one request, so the caller learns all of them at once.
 * Not thread-safe; one instance per validation.
 */
public final class Issues {
    private final List<Issue> found = new ArrayList<>();

    public void add(String path, String message) {
        found.add(new Issue(path, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Issue> asList() {
        return List.copyOf(found);
    }

    /** @throws ValidationFailed naming every issue collected so far, if there is any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationFailed(found);
        }
    }
}
