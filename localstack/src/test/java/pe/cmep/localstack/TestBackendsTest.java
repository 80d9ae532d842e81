package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

class TestBackendsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(TestBackends.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(TestBackends.PROPERTY);
        } else {
            System.setProperty(TestBackends.PROPERTY, before);
        }
    }

    @Test
    void without_a_choice_the_embedded_stand_ins_are_the_backend() {
        assumeThat(System.getenv(TestBackends.ENVIRONMENT_VARIABLE)).isNull();
        // surefire passes an unset -Dcmep.test.backend on as an empty value
        System.setProperty(TestBackends.PROPERTY, "");

        assertThat(TestBackends.chosen()).isEqualTo("embedded");
        assertThat(TestBackends.embeddedChosen()).isTrue();
    }

    @Test
    void the_property_chooses_localstack_whatever_its_case_and_spaces() {
        System.setProperty(TestBackends.PROPERTY, " LocalStack ");

        assertThat(TestBackends.chosen()).isEqualTo("localstack");
        assertThat(TestBackends.embeddedChosen()).isFalse();
    }

    @Test
    void an_unknown_backend_fails_rather_than_running_the_suite_on_another_one() {
        System.setProperty(TestBackends.PROPERTY, "localstak");

        assertThatThrownBy(TestBackends::chosen)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'localstak'")
                .hasMessageContaining("embedded or localstack");
    }

    @Test
    void on_localstack_an_embedded_only_test_is_skipped_with_its_reason() throws NoSuchMethodException {
        System.setProperty(TestBackends.PROPERTY, "localstack");

        ConditionEvaluationResult result = new TestBackendCondition()
                .evaluateExecutionCondition(context(Outage.class.getDeclaredMethod("stopsSqs")));

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("embedded test backend only", "cmep.test.backend=localstack", "stops ElasticMQ"));
    }

    @Test
    void on_the_embedded_backend_every_test_runs() throws NoSuchMethodException {
        System.setProperty(TestBackends.PROPERTY, "embedded");

        assertThat(new TestBackendCondition()
                .evaluateExecutionCondition(context(Outage.class.getDeclaredMethod("stopsSqs"))).isDisabled())
                .isFalse();
        assertThat(new TestBackendCondition().evaluateExecutionCondition(context(Outage.class)).isDisabled())
                .isFalse();
    }

    private static ExtensionContext context(AnnotatedElement element) {
        ExtensionContext context = mock(ExtensionContext.class);
        when(context.getElement()).thenReturn(Optional.of(element));
        return context;
    }

    @UsesTestBackend
    static class Outage {

        @EmbeddedBackendOnly("stops ElasticMQ")
        void stopsSqs() {
        }
    }
}
