package org.agentworkspace.archfixtures.persistence;

import org.agentworkspace.archfixtures.http.ResourceUsingAResponse;

/** Breaks "adapters never depend on each other": persistence reaching into the HTTP adapter. */
public class RepositoryCallingTheWebLayer {
    public Object leak(ResourceUsingAResponse resource) {
        return resource;
    }
}
