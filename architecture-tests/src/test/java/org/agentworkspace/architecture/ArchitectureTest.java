package org.agentworkspace.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.agentworkspace.ArchitectureRoot;

/** Applies every rule to the production classes of all modules on this module's classpath. */
@AnalyzeClasses(packagesOf = ArchitectureRoot.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_on_nothing_but_the_jdk = ArchitectureRules.core_depends_on_nothing_but_the_jdk;

    @ArchTest
    static final ArchRule no_class_outside_persistence_touches_jooq =
            ArchitectureRules.no_class_outside_persistence_touches_jooq;

    @ArchTest
    static final ArchRule no_class_outside_http_clerk_and_app_touches_jax_rs =
            ArchitectureRules.no_class_outside_http_clerk_and_app_touches_jax_rs;

    @ArchTest
    static final ArchRule repositories_are_never_used_by_http_classes =
            ArchitectureRules.repositories_are_never_used_by_http_classes;

    @ArchTest
    static final ArchRule only_ownership_constructs_principals_and_scopes =
            ArchitectureRules.only_ownership_constructs_principals_and_scopes;

    @ArchTest
    static final ArchRule only_use_cases_ask_ownership = ArchitectureRules.only_use_cases_ask_ownership;

    @ArchTest
    static final ArchRule only_credential_lookups_build_credentials =
            ArchitectureRules.only_credential_lookups_build_credentials;

    @ArchTest
    static final ArchRule no_resource_touches_an_outbound_port_or_act_as_user =
            ArchitectureRules.no_resource_touches_an_outbound_port_or_act_as_user;

    @ArchTest
    static final ArchRule every_public_method_of_a_scoped_repository_takes_a_scope =
            ArchitectureRules.every_public_method_of_a_scoped_repository_takes_a_scope;

    @ArchTest
    static final ArchRule adapters_never_depend_on_each_other = ArchitectureRules.adapters_never_depend_on_each_other;

    @ArchTest
    static final ArchRule nothing_depends_on_the_app = ArchitectureRules.nothing_depends_on_the_app;
}
