package org.agentworkspace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.Path;
import org.agentworkspace.app.Main;
import org.agentworkspace.clerk.ClerkWebhookResource;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ActAsUser;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.UserRepository;
import org.agentworkspace.core.usecase.UseCases;
import org.agentworkspace.http.AgentWorkspaceHttp;
import org.agentworkspace.ics.BiweeklyRecurrenceExpander;
import org.agentworkspace.mcp.AgentWorkspaceMcp;
import org.agentworkspace.persistence.JooqPersistence;
import org.agentworkspace.webhooks.AddressGuard;
import org.jooq.DSLContext;

/**
 * The isolation promise of DESIGN.md as rules a reviewer can read. Rules about modules that may
 * still be empty are phrased over the classes that exist ("no class outside X …", "repositories
 * are only used by classes outside Y"), so they hold today and bite as soon as a module grows a
 * violating class. Each rule is proven by fixtures in {@code ArchitectureRulesProofTest}.
 * Packages are named through a class that lives in them, never typed out, so a renamed package
 * breaks the build here instead of emptying a rule. Every rule is an {@code @ArchTest}, so
 * {@code ArchitectureTest} applies them all without a second list.
 */
public final class ArchitectureRules {
    static final String CORE = parentOf(UseCases.class.getPackageName()) + "..";
    static final String PORT_OUT = EventRepository.class.getPackageName();
    static final String USE_CASES = UseCases.class.getPackageName();
    static final String PERSISTENCE = JooqPersistence.class.getPackageName() + "..";
    static final String HTTP = AgentWorkspaceHttp.class.getPackageName() + "..";
    static final String CLERK = ClerkWebhookResource.class.getPackageName() + "..";
    static final String ICS = BiweeklyRecurrenceExpander.class.getPackageName() + "..";
    static final String MCP = AgentWorkspaceMcp.class.getPackageName() + "..";
    static final String WEBHOOKS = AddressGuard.class.getPackageName() + "..";
    static final String APP = Main.class.getPackageName() + "..";
    static final String JOOQ = DSLContext.class.getPackageName() + "..";
    static final String JAX_RS = Path.class.getPackageName() + "..";

    private ArchitectureRules() {
    }

    @ArchTest
    public static final ArchRule core_depends_on_nothing_but_the_jdk =
            classes().that().resideInAPackage(CORE)
                    // javax.crypto is the JDK's own (module java.base): HMAC and AES for webhook
                    // signatures and sync cursors.
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", CORE)
                    .because("the core must be embeddable in any JVM service and testable without a framework"
                            + " (DESIGN.md, modules: core depends on the JDK only)");

    @ArchTest
    public static final ArchRule no_class_outside_persistence_touches_jooq =
            noClasses().that().resideOutsideOfPackage(PERSISTENCE)
                    .should().dependOnClassesThat().resideInAPackage(JOOQ)
                    .because("SQL stays in persistence-jooq, where every query carries the scope predicate");

    @ArchTest
    public static final ArchRule no_class_outside_http_clerk_mcp_and_app_touches_jax_rs =
            noClasses().that().resideOutsideOfPackages(HTTP, CLERK, MCP, APP)
                    .should().dependOnClassesThat().resideInAPackage(JAX_RS)
                    .because("only the web adapters speak HTTP (the MCP server's endpoint is one JAX-RS resource);"
                            + " the core and the other adapters must not");

    @ArchTest
    public static final ArchRule repositories_are_never_used_by_http_or_mcp_classes =
            classes().that().resideInAPackage(PORT_OUT).and().haveSimpleNameEndingWith("Repository")
                    .should().onlyHaveDependentClassesThat().resideOutsideOfPackages(HTTP, MCP)
                    .because("resources and MCP tools reach data only through inbound use cases, which run the"
                            + " ownership chain first (DESIGN.md, the ownership chain)");

    @ArchTest
    public static final ArchRule only_ownership_constructs_principals_and_scopes =
            constructors().that().areDeclaredInClassesThat()
                    .belongToAnyOf(AgentScope.class, OwnerScope.class, AgentPrincipal.class, UserPrincipal.class)
                    .should().onlyBeCalled().byClassesThat().belongToAnyOf(Ownership.class)
                    .because("holding a scope must prove that the ownership chain ran (DESIGN.md, layer 1: types)");

    @ArchTest
    public static final ArchRule only_use_cases_ask_ownership =
            classes().that().belongToAnyOf(Ownership.class)
                    .should().onlyHaveDependentClassesThat(resideInAPackage(USE_CASES).or(belongToAnyOf(Ownership.class)))
                    .because("Ownership mints a principal from whatever it is handed; only the use cases, which"
                            + " hand it what their own lookups found, may ask it (DESIGN.md, the ownership chain)");

    @ArchTest
    public static final ArchRule only_credential_lookups_build_credentials =
            constructors().that().areDeclaredInClassesThat().belongToAnyOf(AgentCredential.class, FeedCredential.class)
                    .should().onlyBeCalled().byClassesThat(implement(CredentialLookup.class)
                            .or(belongToAnyOf(AgentCredential.class, FeedCredential.class)))
                    .because("a credential says what a key or token unlocked; only the lookup that found the"
                            + " key or token may say it (DESIGN.md, the ownership chain)");

    @ArchTest
    public static final ArchRule no_resource_touches_an_outbound_port_or_act_as_user =
            noClasses().that().areAnnotatedWith(Path.class)
                    .should().dependOnClassesThat(resideInAPackage(PORT_OUT).and(INTERFACES)
                            .or(belongToAnyOf(ActAsUser.class)))
                    .because("a route reaches data only through use cases that run the ownership chain, and"
                            + " acting as a named user belongs to the operator's command line, never to a route");

    @ArchTest
    public static final ArchRule every_public_method_of_a_scoped_repository_takes_a_scope =
            methods().that().arePublic().and().areDeclaredInClassesThat(scopedRepositories())
                    .should(takeAScopeParameter())
                    .because("there must be no way to read or write owned data by id alone"
                            + " (DESIGN.md: no method reads an event, document or subscription by id alone)");

    @ArchTest
    public static final ArchRule adapters_never_depend_on_each_other = CompositeArchRule
            .of(adapter(PERSISTENCE, HTTP, CLERK, ICS, MCP, WEBHOOKS))
            .and(adapter(HTTP, PERSISTENCE, CLERK, ICS, MCP, WEBHOOKS))
            .and(adapter(CLERK, PERSISTENCE, HTTP, ICS, MCP, WEBHOOKS))
            .and(adapter(ICS, PERSISTENCE, HTTP, CLERK, MCP, WEBHOOKS))
            .and(adapter(MCP, PERSISTENCE, HTTP, CLERK, ICS, WEBHOOKS))
            .and(adapter(WEBHOOKS, PERSISTENCE, HTTP, CLERK, ICS, MCP))
            .because("each adapter plugs into the core alone, so JVM teams can embed core + persistence-jooq"
                    + " without Jersey (DESIGN.md: adapters never depend on each other)");

    @ArchTest
    public static final ArchRule nothing_depends_on_the_app =
            noClasses().that().resideOutsideOfPackage(APP)
                    .should().dependOnClassesThat().resideInAPackage(APP)
                    .because("the app is the composition root; everything else must work without it"
                            + " (DESIGN.md: nothing depends on app)");

    private static ArchRule adapter(String adapter, String... others) {
        // Checked together as one rule; a module without classes yet must not fail its part.
        return noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> scopedRepositories() {
        return DescribedPredicate.describe("scoped repository ports (the *Repository interfaces of "
                + PORT_OUT + " except " + UserRepository.class.getSimpleName() + ")",
                c -> c.getPackageName().equals(PORT_OUT) && c.getSimpleName().endsWith("Repository")
                        && !c.isEquivalentTo(UserRepository.class));
    }

    private static ArchCondition<JavaMethod> takeAScopeParameter() {
        return new ArchCondition<>("take an " + AgentScope.class.getSimpleName() + " or "
                + OwnerScope.class.getSimpleName() + " parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean scoped = method.getRawParameterTypes().stream()
                        .anyMatch(t -> t.isEquivalentTo(AgentScope.class) || t.isEquivalentTo(OwnerScope.class));
                if (!scoped) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " takes no scope parameter"));
                }
            }
        };
    }

    private static String parentOf(String packageName) {
        return packageName.substring(0, packageName.lastIndexOf('.'));
    }
}
