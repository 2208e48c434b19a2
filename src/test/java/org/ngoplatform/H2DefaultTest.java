package org.ngoplatform;

import org.ngoplatform.account.AccountFixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app as the README starts it without MariaDB: the default profile on the embedded H2 with exactly the URL of
 * {@code application.properties}, only the file moved to a temporary folder ({@link H2InTemporaryFolder}), on a random
 * port. The tests of the H2 default share this one context (each with a property source of its own started another).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = H2InTemporaryFolder.class)
@Import({AccountFixtures.class, EditionFixtures.class})
public @interface H2DefaultTest {
}
