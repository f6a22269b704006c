package org.agentworkspace.archfixtures.ics;

import org.agentworkspace.archfixtures.app.QueryOutsidePersistence;

/** Breaks "nothing depends on the app": an adapter reaching into the composition root. */
public class RendererUsingTheApp {
    public Object wire(QueryOutsidePersistence app) {
        return app;
    }
}
