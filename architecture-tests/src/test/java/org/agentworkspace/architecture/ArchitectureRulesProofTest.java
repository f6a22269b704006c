package org.agentworkspace.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.agentworkspace.app.archfixtures.QueryOutsidePersistence;
import org.agentworkspace.app.archfixtures.ResourceActingAsAUser;
import org.agentworkspace.clerk.archfixtures.WebhookResourceReachingARepository;
import org.agentworkspace.core.archfixtures.CoreClassUsingALibrary;
import org.agentworkspace.core.archfixtures.CoreClassUsingOnlyTheJdk;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.ScopeForger;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ActAsUser;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.NoteRepository;
import org.agentworkspace.core.port.out.UserRepository;
import org.agentworkspace.http.archfixtures.ResourceForgingACredential;
import org.agentworkspace.http.archfixtures.ResourceMintingAPrincipal;
import org.agentworkspace.http.archfixtures.ResourceReachingARepository;
import org.agentworkspace.http.archfixtures.ResourceUsingAResponse;
import org.agentworkspace.ics.archfixtures.ResponseOutsideTheWeb;
import org.agentworkspace.mcp.archfixtures.ToolUsingTheWebAdapter;
import org.agentworkspace.persistence.archfixtures.LookupBuildingCredentials;
import org.agentworkspace.persistence.archfixtures.QueryInPersistence;
import org.junit.jupiter.api.Test;

/** Each rule fails on exactly the fixture that breaks it, and not on the ones that keep it. */
class ArchitectureRulesProofTest {

    private static List<String> violations(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        EvaluationResult result = rule.evaluate(classes);
        return result.getFailureReport().getDetails();
    }

    @Test
    void core_depending_on_a_library_is_reported() {
        assertThat(violations(ArchitectureRules.core_depends_on_nothing_but_the_jdk,
                CoreClassUsingALibrary.class, CoreClassUsingOnlyTheJdk.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains(CoreClassUsingALibrary.class.getName())
                        .contains("com.tngtech.archunit.core.domain.JavaClass"))
                .noneSatisfy(v -> assertThat(v).contains(CoreClassUsingOnlyTheJdk.class.getName()));
    }

    @Test
    void jooq_outside_persistence_is_reported() {
        assertThat(violations(ArchitectureRules.no_class_outside_persistence_touches_jooq,
                QueryOutsidePersistence.class, QueryInPersistence.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains(QueryOutsidePersistence.class.getName())
                        .contains("org.jooq.archfixture.StubQuery"));
    }

    @Test
    void jax_rs_outside_the_web_adapters_is_reported() {
        assertThat(violations(ArchitectureRules.no_class_outside_http_clerk_mcp_and_app_touches_jax_rs,
                ResponseOutsideTheWeb.class, ResourceUsingAResponse.class, ToolUsingTheWebAdapter.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains(ResponseOutsideTheWeb.class.getName())
                        .contains("jakarta.ws.rs.archfixture.StubResponse"));
    }

    @Test
    void an_http_class_using_a_repository_is_reported() {
        assertThat(violations(ArchitectureRules.repositories_are_never_used_by_http_or_mcp_classes,
                EventRepository.class, ResourceReachingARepository.class, ResourceUsingAResponse.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains(ResourceReachingARepository.class.getName())
                        .contains(EventRepository.class.getName()));
    }

    @Test
    void a_scope_minted_outside_ownership_is_reported() {
        assertThat(violations(ArchitectureRules.only_ownership_constructs_principals_and_scopes,
                AgentScope.class, OwnerScope.class, AgentPrincipal.class, UserPrincipal.class, Ownership.class,
                ScopeForger.class))
                .singleElement().asString()
                .contains(ScopeForger.class.getName() + ".forge(")
                .contains(AgentScope.class.getName() + ".<init>");
    }

    @Test
    void ownership_asked_outside_the_use_cases_is_reported() {
        assertThat(violations(ArchitectureRules.only_use_cases_ask_ownership,
                Ownership.class, ResourceMintingAPrincipal.class, ResourceUsingAResponse.class))
                .containsExactlyInAnyOrder(
                        "Method <" + ResourceMintingAPrincipal.class.getName() + ".mint(java.lang.String)> calls constructor <"
                                + Ownership.class.getName() + ".<init>()> in (ResourceMintingAPrincipal.java:10)",
                        "Method <" + ResourceMintingAPrincipal.class.getName() + ".mint(java.lang.String)> calls method <"
                                + Ownership.class.getName() + ".userPrincipal(" + UserId.class.getName()
                                + ")> in (ResourceMintingAPrincipal.java:10)");
    }

    @Test
    void a_credential_built_outside_a_lookup_is_reported() {
        assertThat(violations(ArchitectureRules.only_credential_lookups_build_credentials,
                AgentCredential.class, FeedCredential.class, ResourceForgingACredential.class,
                LookupBuildingCredentials.class))
                .containsExactly("Method <" + ResourceForgingACredential.class.getName() + ".forge(" + AgentId.class.getName()
                        + ")> calls constructor <" + AgentCredential.class.getName() + ".<init>(" + AgentId.class.getName()
                        + ", " + AgentStatus.class.getName() + ")> in (ResourceForgingACredential.java:10)");
    }

    @Test
    void a_resource_reaching_a_repository_or_acting_as_a_user_is_reported_in_any_module() {
        assertThat(violations(ArchitectureRules.no_resource_touches_an_outbound_port_or_act_as_user,
                ResourceActingAsAUser.class, WebhookResourceReachingARepository.class, ResourceUsingAResponse.class,
                ActAsUser.class, UserRepository.class))
                .containsExactlyInAnyOrder(
                        "Constructor <" + ResourceActingAsAUser.class.getName() + ".<init>(" + ActAsUser.class.getName()
                                + ")> has parameter of type <" + ActAsUser.class.getName()
                                + "> in (ResourceActingAsAUser.java:0)",
                        "Field <" + ResourceActingAsAUser.class.getName() + ".actAsUser> has type <"
                                + ActAsUser.class.getName() + "> in (ResourceActingAsAUser.java:0)",
                        "Method <" + ResourceActingAsAUser.class.getName() + ".act(java.lang.String)> calls method <"
                                + ActAsUser.class.getName() + ".actAs(java.lang.String)> in (ResourceActingAsAUser.java:17)",
                        "Constructor <" + WebhookResourceReachingARepository.class.getName() + ".<init>("
                                + UserRepository.class.getName() + ")> has parameter of type <"
                                + UserRepository.class.getName() + "> in (WebhookResourceReachingARepository.java:0)",
                        "Field <" + WebhookResourceReachingARepository.class.getName() + ".users> has type <"
                                + UserRepository.class.getName() + "> in (WebhookResourceReachingARepository.java:0)",
                        "Method <" + WebhookResourceReachingARepository.class.getName()
                                + ".tombstoned(java.lang.String)> calls method <" + UserRepository.class.getName()
                                + ".isTombstoned(" + UserId.class.getName() + ")> in (WebhookResourceReachingARepository.java:17)");
    }

    @Test
    void a_repository_method_without_a_scope_is_reported() {
        assertThat(violations(ArchitectureRules.every_public_method_of_a_scoped_repository_takes_a_scope,
                NoteRepository.class, EventRepository.class, UserRepository.class))
                .containsExactly(NoteRepository.class.getName()
                        + ".findById(" + org.agentworkspace.core.domain.EventId.class.getName()
                        + ") takes no scope parameter");
    }

    @Test
    void an_adapter_depending_on_another_adapter_is_reported() {
        assertThat(violations(ArchitectureRules.adapters_never_depend_on_each_other,
                org.agentworkspace.persistence.archfixtures.RepositoryCallingTheWebLayer.class,
                QueryInPersistence.class, ResourceUsingAResponse.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v)
                        .contains(org.agentworkspace.persistence.archfixtures.RepositoryCallingTheWebLayer.class.getName())
                        .contains(ResourceUsingAResponse.class.getName()));
    }

    @Test
    void an_mcp_class_reaching_into_the_web_adapter_is_reported() {
        assertThat(violations(ArchitectureRules.adapters_never_depend_on_each_other,
                ToolUsingTheWebAdapter.class, ResourceUsingAResponse.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains(ToolUsingTheWebAdapter.class.getName())
                        .contains(ResourceUsingAResponse.class.getName()));
    }

    @Test
    void a_class_depending_on_the_app_is_reported() {
        assertThat(violations(ArchitectureRules.nothing_depends_on_the_app,
                org.agentworkspace.ics.archfixtures.RendererUsingTheApp.class, QueryOutsidePersistence.class,
                ResponseOutsideTheWeb.class))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v)
                        .contains(org.agentworkspace.ics.archfixtures.RendererUsingTheApp.class.getName())
                        .contains(QueryOutsidePersistence.class.getName()));
    }

    @Test
    void every_rule_is_a_static_arch_test_so_architecture_test_applies_it() {
        List<Field> rules = Arrays.stream(ArchitectureRules.class.getDeclaredFields())
                .filter(f -> ArchRule.class.isAssignableFrom(f.getType()))
                .toList();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(11);
        assertThat(rules).filteredOn(f -> !f.isAnnotationPresent(ArchTest.class) || !Modifier.isStatic(f.getModifiers()))
                .extracting(Field::getName)
                .isEmpty();
    }
}
