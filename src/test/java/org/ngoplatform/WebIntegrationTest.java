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
 * The whole app on a random port on the MariaDB test database; shared by journeys and HTTP-level tests.
 * <p>
 * Behind a proxy as an operator runs it (docs/security.md): forwarded headers honoured
 * ({@code server.forward-headers-strategy=native}) only from the one trusted proxy address, here the loopback
 * 127.0.0.1; a test that plays a client reaching the app directly connects from 127.0.0.2
 * ({@code UntrustedProxyHttpTest}). Browsers and HTTP clients that send no forwarded headers see no difference. One
 * configuration for all, so these tests share one context (each property set of their own started another).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
// One mail sender per test JVM on the shared outbox (IntegrationTest's); a second one raced it.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ngo.mail.send-interval=PT24H",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=" + WebIntegrationTest.TRUSTED_PROXY})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupportConfiguration.class)
public @interface WebIntegrationTest {

    /** The proxy the app trusts (a regular expression; backslashes doubled for the properties syntax). */
    String TRUSTED_PROXY = "127\\\\.0\\\\.0\\\\.1";

    /** A loopback address outside {@link #TRUSTED_PROXY}: a client reaching the app directly. */
    String UNTRUSTED_CLIENT = "127.0.0.2";
}
