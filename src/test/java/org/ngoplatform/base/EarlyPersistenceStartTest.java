package org.ngoplatform.base;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.core.Ordered;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up: the database and Hibernate are asked for while the web server is made (docs/performance.md, eighth pass). */
class EarlyPersistenceStartTest {

    @Test
    void making_the_web_server_asks_for_the_entity_manager_factory_first() {
        AtomicInteger asked = new AtomicInteger();
        ObjectProvider<EntityManagerFactory> provider = new ObjectProvider<>() {
            @Override
            public EntityManagerFactory getObject() {
                asked.incrementAndGet();
                return null;
            }

            @Override
            public EntityManagerFactory getIfAvailable() {
                return getObject();
            }
        };
        var start = new EarlyPersistenceStart(provider);

        start.customize(new TomcatServletWebServerFactory());

        assertThat(asked).hasValue(1);
        assertThat(start.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    }
}
