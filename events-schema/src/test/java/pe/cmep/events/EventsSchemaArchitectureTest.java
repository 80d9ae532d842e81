package pe.cmep.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * events-schema is the wire contract every service reads (decision 9): plain Java and Jackson, so a consumer
 * takes nothing else with it. The rules are here rather than in the localstack module's Boundaries, which
 * depends on this module.
 */
@AnalyzeClasses(packages = "pe.cmep.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsSchemaArchitectureTest {

    @ArchTest
    static final ArchRule nothing_of_spring = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the wire contract must not tie its consumers to Spring");

    @ArchTest
    static final ArchRule no_other_cmep_module = noClasses().should().dependOnClassesThat(
                    resideInAPackage("pe.cmep..").and(resideOutsideOfPackage("pe.cmep.events..")))
            .because("every other module depends on events-schema, never the other way round");
}
