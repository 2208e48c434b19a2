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

/**
 * The whole application with its connection pool talking to MariaDB through a {@link CuttableTcpProxy}
 * ({@link ProxiedDatabase#proxy()}), for tests that cut the database away (outage, crash mid-transaction).
 * A second context next to {@link IntegrationTest}'s; every class with exactly this annotation shares it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = ProxiedDatabase.class)
@Import(TestSupportConfiguration.class)
public @interface ProxiedDatabaseTest {
}
