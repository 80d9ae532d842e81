package pe.cmep.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.localstack.Boundaries;

/** The boundaries of gateway-api's main code (issue #13); the shared rules are in {@link Boundaries}. */
@AnalyzeClasses(locations = Boundaries.MainClasses.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles = Boundaries.noPackageCycles("pe.cmep.gateway");

    @ArchTest
    static final ArchRule sql_only_in_repositories = Boundaries.sqlOnlyInRepositories("pe.cmep.gateway.db");

    @ArchTest
    static final ArchRule controllers_run_no_sql = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat(Boundaries.SQL_ACCESS)
            .because("a controller reaches the database through a service and its repositories");

    @ArchTest
    static final ArchRule repositories_know_nothing_of_the_web = noClasses().that(Boundaries.REPOSITORIES)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "pe.cmep.gateway.web..")
            .because("a repository maps rows, whatever the HTTP layer makes of them");
}
