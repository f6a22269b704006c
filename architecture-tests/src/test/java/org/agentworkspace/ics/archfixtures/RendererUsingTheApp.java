package org.agentworkspace.ics.archfixtures;

import org.agentworkspace.app.archfixtures.QueryOutsidePersistence;

/** Breaks "nothing depends on the app": an adapter reaching into the composition root. */
public class RendererUsingTheApp {
    public Object wire(QueryOutsidePersistence app) {
        return app;
    }
}
