package pe.cmep.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import pe.cmep.localstack.Boundaries;

/** The boundaries of the workflow-worker's main code (issue #13); the shared rules are in {@link Boundaries}. */
@AnalyzeClasses(locations = Boundaries.MainClasses.class)
class WorkflowWorkerArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles = Boundaries.noPackageCycles("pe.cmep.workflow");

    @ArchTest
    static final ArchRule sql_only_in_repositories = Boundaries.sqlOnlyInRepositories();

    @ArchTest
    static final ArchRule independent_of_gateway_api = Boundaries.independentOfGateway();

    /** Not even at test time: the pom brings no gateway-api, directly or through another module. */
    @ArchTest
    static void gateway_api_is_not_on_the_classpath(JavaClasses classes) {
        assertThatThrownBy(() -> Class.forName("pe.cmep.gateway.GatewayApplication"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
