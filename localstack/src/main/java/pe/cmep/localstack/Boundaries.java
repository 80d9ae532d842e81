package pe.cmep.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture rules every module checks on its own classes (issue #13), shared here because the localstack
 * module is the one test dependency all of them have. Each module's {@code *ArchitectureTest} names the rules it
 * applies to its root package.
 */
public final class Boundaries {

    private static final List<String> SQL_TYPES = List.of("org.springframework.r2dbc.core.DatabaseClient",
            "io.r2dbc.spi.Connection", "io.r2dbc.spi.Statement");

    /** What runs SQL: Spring's DatabaseClient (and its nested specs), an R2DBC connection or statement. */
    public static final DescribedPredicate<JavaClass> SQL_ACCESS = DescribedPredicate.describe(
            "DatabaseClient, io.r2dbc.spi.Connection or io.r2dbc.spi.Statement",
            type -> SQL_TYPES.stream().anyMatch(name -> type.getName().equals(name)
                    || type.getName().startsWith(name + "$")));

    /** A class named *Repository, or one nested in it (its row mappers, its lambdas' anonymous classes). */
    public static final DescribedPredicate<JavaClass> REPOSITORIES =
            DescribedPredicate.describe("are named *Repository", Boundaries::inRepository);

    private Boundaries() {
    }

    /**
     * The module's own main classes, {@code target/classes} beside the test's {@code target/test-classes}: importing
     * by package would open every jar of the test classpath to look for that package.
     */
    public static final class MainClasses implements LocationProvider {

        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                Path testClasses = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Set.of(Location.of(testClasses.resolveSibling("classes")));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** No cycle between the packages directly under {@code rootPackage}. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature package that depends on another must not be depended on by it");
    }

    /**
     * SQL lives only in repositories: no other class of the module, except those in the infrastructure packages
     * given, calls a {@code DatabaseClient}, an R2DBC connection or statement (a configuration that only hands a
     * {@code DatabaseClient} to a repository's constructor runs no SQL). One violation per class, naming
     * the class, what it uses and where it first does.
     */
    public static ArchRule sqlOnlyInRepositories(String... infrastructurePackages) {
        DescribedPredicate<JavaClass> outsideRepositories = DescribedPredicate.describe(
                infrastructurePackages.length == 0 ? "are not *Repository"
                        : "are not *Repository nor in " + String.join(", ", infrastructurePackages),
                type -> !inRepository(type) && Arrays.stream(infrastructurePackages)
                        .noneMatch(p -> type.getPackageName().startsWith(p)));
        return classes().that(outsideRepositories).should(runNoSql())
                .because("SQL lives only in classes named *Repository (issue #13)");
    }

    private static ArchCondition<JavaClass> runNoSql() {
        return new ArchCondition<>("use no DatabaseClient, io.r2dbc.spi.Connection or io.r2dbc.spi.Statement") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<JavaAccess<?>> sql = type.getAccessesFromSelf().stream()
                        .filter(access -> SQL_ACCESS.test(access.getTargetOwner()))
                        .<JavaAccess<?>>map(access -> access)
                        .toList();
                if (!sql.isEmpty()) {
                    Set<String> used = new TreeSet<>();
                    sql.forEach(access -> used.add(access.getTargetOwner().getSimpleName()));
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is not a *Repository and uses "
                            + String.join(", ", used) + " (first " + sql.get(0).getDescription() + ")"));
                }
            }
        };
    }

    /** The workers are deployed without gateway-api and share with it only events-schema and platform. */
    public static ArchRule independentOfGateway() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("pe.cmep.gateway..")
                .because("a worker shares with gateway-api only events-schema and platform, never its classes");
    }

    private static boolean inRepository(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.getSimpleName().endsWith("Repository");
    }
}
