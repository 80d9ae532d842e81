package pe.cmep.localstack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips what cannot run on the chosen {@link TestBackend}: tests {@link EmbeddedBackendOnly} on another backend, and
 * every test of {@link UsesTestBackend} or {@link EmbeddedBackendOnly} when the backend cannot start here. It runs
 * before the test class's Spring context or stand-ins start, so a skipped class costs nothing.
 */
final class TestBackendCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String embeddedOnlyBecause = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, EmbeddedBackendOnly.class))
                .map(EmbeddedBackendOnly::value)
                .orElse(null);
        if (embeddedOnlyBecause != null && !TestBackends.embeddedChosen()) {
            return ConditionEvaluationResult.disabled("Runs on the embedded test backend only, not on "
                    + TestBackends.PROPERTY + "=" + TestBackends.chosen() + ": " + embeddedOnlyBecause);
        }
        return TestBackends.unavailableReason()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("test backend " + TestBackends.chosen()));
    }
}
