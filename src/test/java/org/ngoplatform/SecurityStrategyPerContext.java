package org.ngoplatform;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The suite runs more than one Spring context (the shared {@link IntegrationTest} one, the web one for journeys,
 * the database-outage one). Each installs its own Vaadin-aware {@link SecurityContextHolderStrategy} into the
 * static {@link SecurityContextHolder} when it starts, while method security keeps the instance of its own
 * context. Without this listener, a test that signs in through the static holder after a later context started
 * is invisible to {@code @PreAuthorize}. Before every test, the holder gets the strategy of that test's context.
 */
public class SecurityStrategyPerContext implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        install(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        install(testContext);
    }

    private static void install(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            testContext.getApplicationContext(); // loads or reuses the cached context
        }
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        // after the dependency-injection listener (2000), before anything that runs test code
        return 2100;
    }
}
