package pe.cmep.platform;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import pe.cmep.localstack.Boundaries;

/** The boundaries of the platform library (issue #13); the shared rules are in {@link Boundaries}. */
@AnalyzeClasses(locations = Boundaries.MainClasses.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule packages_have_no_cycles = Boundaries.noPackageCycles("pe.cmep.platform");

    @ArchTest
    static final ArchRule sql_only_in_repositories = Boundaries.sqlOnlyInRepositories();

    @ArchTest
    static final ArchRule independent_of_gateway_api = Boundaries.independentOfGateway();
}
