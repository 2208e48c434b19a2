package org.ngoplatform.base;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Starts the database (pool, Flyway's migrations) and Hibernate's start-up as soon as the web server is being made,
 * instead of when the first filter asks for it.
 * <p>
 * Why (measured, docs/performance.md "Start-up, eighth pass"): with repositories built lazily Spring Boot builds
 * Hibernate's {@code EntityManagerFactory} on a background thread (4.5 s of a 12 s start on this machine kind), and
 * the main thread waited ~2 s for it at the end of start-up, because the build began only once Tomcat created the
 * first filter that needs the database, 1.3 s after the web server was made. Asking for the factory here (the first
 * singletons created after every bean post-processor is in place, so nothing is created half-processed) starts the
 * same work earlier while the main thread goes on with Tomcat, the filters and Vaadin. Nothing else changes: the
 * same beans, the same order of Flyway before Hibernate, the same errors (a failing migration still stops the start).
 */
@Component
class EarlyPersistenceStart implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;

    EarlyPersistenceStart(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        entityManagerFactory.getIfAvailable();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
