package org.ngoplatform;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Points the context of {@link ProxiedDatabaseTest} at the test database through one {@link CuttableTcpProxy}
 * per JVM. The pool keeps the application's own timeouts, so the outage tests hold them. Tests reach the proxy
 * through {@link #proxy()}; it lives as long as the JVM (the cached context keeps using it), its threads are daemons.
 */
public class ProxiedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static CuttableTcpProxy proxy;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        URI real = URI.create(TestDatabase.url().substring("jdbc:".length()));
        CuttableTcpProxy through = proxy(real);
        String query = real.getQuery() == null ? "" : "?" + real.getQuery();
        TestPropertyValues.of(
                "spring.datasource.url=jdbc:mariadb://127.0.0.1:" + through.port() + real.getPath()
                        + query,
                "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=" + TestDatabase.password(),
                // the same in-process SMTP server as the shared context: both contexts' mail senders see one outbox
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMail.port(),
                // One mail sender per test JVM on the shared outbox (IntegrationTest's); a second one raced it.
                "ngo.mail.send-interval=PT24H"
        ).applyTo(context);
    }

    /** The proxy between this context's connection pool and MariaDB. */
    public static synchronized CuttableTcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("No @ProxiedDatabaseTest context has started yet");
        }
        return proxy;
    }

    private static synchronized CuttableTcpProxy proxy(URI real) {
        if (proxy == null) {
            try {
                proxy = new CuttableTcpProxy(real.getHost(), real.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        proxy.restore();
        return proxy;
    }
}
