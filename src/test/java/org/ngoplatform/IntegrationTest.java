package org.ngoplatform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration for service and view tests: the whole application on real MariaDB (see
 * {@link TestDatabase}). Every test class uses exactly this, so Spring builds the context once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupportConfiguration.class)
public @interface IntegrationTest {
}
