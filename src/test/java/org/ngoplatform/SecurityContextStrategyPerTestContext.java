package org.ngoplatform;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring contexts live in one test JVM (the shared {@link IntegrationTest} context, the web context
 * of journeys and HTTP tests, the H2 boot test). Each installs its own {@link SecurityContextHolderStrategy}
 * (Vaadin's) in the static {@link SecurityContextHolder} while its method security keeps using its own
 * bean. Once a second context has started, a test of the first signs in through the other context's
 * strategy and {@code @PreAuthorize} finds nobody signed in. This listener re-installs the strategy of the
 * context a test class is about to use.
 */
public class SecurityContextStrategyPerTestContext implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        install(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        install(testContext);
    }

    private static void install(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        SecurityContextHolderStrategy strategy = context.getBeanProvider(SecurityContextHolderStrategy.class).getIfUnique();
        if (strategy != null && SecurityContextHolder.getContextHolderStrategy() != strategy) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
