package org.agentworkspace.core.archfixtures;

import com.tngtech.archunit.core.domain.JavaClass;

/** Breaks "core depends on nothing but the JDK": a core class that uses a library type. */
public class CoreClassUsingALibrary {
    public String nameOf(JavaClass type) {
        return type.getName();
    }
}
