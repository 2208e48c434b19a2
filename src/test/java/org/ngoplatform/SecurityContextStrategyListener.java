package org.ngoplatform;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Every Spring context installs its own Vaadin-aware {@link SecurityContextHolderStrategy} (with its own
 * thread-local) as the global one. Once a second context has started (the journeys' web context), the static
 * {@link SecurityContextHolder} that fixtures sign in through would point at that context's strategy while
 * the first context's method security reads its own, so every signed-in service call there failed with "An
 * Authentication object was not found". Before each test this points the global holder back at the strategy
 * of the test's own context. Registered for all Spring tests in META-INF/spring.factories.
 */
public class SecurityContextStrategyListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
