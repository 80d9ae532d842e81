package pe.cmep.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import pe.cmep.localstack.Boundaries;

/** The bench is a black box over HTTP and JDBC: it uses no class of the services it measures. */
@AnalyzeClasses(locations = Boundaries.MainClasses.class)
class BenchArchitectureTest {

    @ArchTest
    static final ArchRule concern_packages_have_no_cycles = Boundaries.noPackageCycles("pe.cmep.bench");

    @ArchTest
    static final ArchRule independent_of_gateway_api = Boundaries.independentOfGateway();

    @ArchTest
    static final ArchRule independent_of_the_workers = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("pe.cmep.workflow..", "pe.cmep.file..", "pe.cmep.reporting..")
            .because("the bench measures the workers from outside: over HTTP, JDBC and their processes");

    /** Not even at test time: the pom brings none of the services, directly or through another module. */
    @ArchTest
    static void the_services_are_not_on_the_classpath(JavaClasses classes) {
        assertThatThrownBy(() -> Class.forName("pe.cmep.gateway.GatewayApplication"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
