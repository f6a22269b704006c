package org.agentworkspace.app.archfixtures;

import org.jooq.archfixture.StubQuery;

/** Breaks "no class outside persistence touches jOOQ". */
public class QueryOutsidePersistence {
    public int run(StubQuery query) {
        return query.execute();
    }
}
