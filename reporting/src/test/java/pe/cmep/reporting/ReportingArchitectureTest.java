package pe.cmep.reporting;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import pe.cmep.localstack.Boundaries;

/** The boundaries of the reporting library (issue #13); the shared rules are in {@link Boundaries}. */
@AnalyzeClasses(locations = Boundaries.MainClasses.class)
class ReportingArchitectureTest {

    @ArchTest
    static final ArchRule sql_only_in_repositories = Boundaries.sqlOnlyInRepositories();

    @ArchTest
    static final ArchRule independent_of_gateway_api = Boundaries.independentOfGateway();
}
