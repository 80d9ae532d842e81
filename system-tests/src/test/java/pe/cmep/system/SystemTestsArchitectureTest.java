package pe.cmep.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
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
}
