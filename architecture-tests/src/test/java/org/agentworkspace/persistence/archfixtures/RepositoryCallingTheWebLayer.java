package org.agentworkspace.persistence.archfixtures;

import org.agentworkspace.http.archfixtures.ResourceUsingAResponse;

/** Breaks "adapters never depend on each other": persistence reaching into the HTTP adapter. */
public class RepositoryCallingTheWebLayer {
    public Object leak(ResourceUsingAResponse resource) {
        return resource;
    }
}
