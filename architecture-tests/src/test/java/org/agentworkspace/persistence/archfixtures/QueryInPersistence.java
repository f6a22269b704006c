package org.agentworkspace.persistence.archfixtures;

import org.jooq.archfixture.StubQuery;

/** Keeps the rule: jOOQ inside persistence. */
public class QueryInPersistence {
    public int run(StubQuery query) {
        return query.execute();
    }
}
