package org.ngoplatform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole app on a random port on the MariaDB test database; shared by journeys and HTTP-level tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
// One mail sender per test JVM on the shared outbox (IntegrationTest's); a second one raced it.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ngo.mail.send-interval=PT24H")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupportConfiguration.class)
public @interface WebIntegrationTest {
}
