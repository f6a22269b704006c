package org.agentworkspace.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.agentworkspace.ArchitectureRoot;

/**
 * Applies every rule of {@link ArchitectureRules} to the production classes of all modules on this
 * module's classpath. The rules are listed once, there; {@code ArchitectureRulesProofTest} fails
 * if one is not an {@code @ArchTest} and so would not run here.
 */
@AnalyzeClasses(packagesOf = ArchitectureRoot.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests every_rule_of_the_architecture = ArchTests.in(ArchitectureRules.class);
}
