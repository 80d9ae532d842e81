package pe.cmep.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import pe.cmep.localstack.Boundaries;

/**
 * The system tests drive the services from outside, as production's clients and operators do: over HTTP, JDBC,
 * S3 and their processes. Their only CMEP code is the stand-ins and reporting's check of the aggregates.
 */
@AnalyzeClasses(locations = Boundaries.MainClasses.class)
class SystemTestsArchitectureTest {

    @ArchTest
    static final ArchRule concern_packages_have_no_cycles = Boundaries.noPackageCycles("pe.cmep.system");

    @ArchTest
    static final ArchRule independent_of_the_services = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("pe.cmep.gateway..", "pe.cmep.workflow..", "pe.cmep.file..")
            .because("the system tests run the services' jars as processes and know them only from outside");

    @ArchTest
    static final ArchRule jdbc_only_in_repositories = noClasses().that(DescribedPredicate.not(Boundaries.REPOSITORIES))
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("every statement the checks run lives in SystemRepository");

    /** The services' jars are on the classpath only to order the build; their classes cannot be loaded. */
    @ArchTest
    static void the_services_classes_are_not_loadable(JavaClasses classes) {
        assertThatThrownBy(() -> Class.forName("pe.cmep.gateway.GatewayApplication"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
