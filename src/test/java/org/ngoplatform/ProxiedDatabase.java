package org.ngoplatform;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Points the context of {@link ProxiedDatabaseTest} at the test database through one {@link CuttableTcpProxy}
 * per JVM. Tests reach the proxy through {@link #proxy()}; it lives as long as the JVM (the cached context keeps using
 * it), its threads are daemons.
 * <p>
 * The pool's wait for a connection ({@link #CONNECTION_TIMEOUT_MS}) and the driver's connect timeout are shorter here
 * than the application's (10 s and 3 s): every page and call during an outage waits out the pool's wait, and the
 * outage tests made a dozen such waits (half a minute of the suite). What they prove does not depend on the figure:
 * a call fails when the wait runs out, with the outage page, and the pool recovers by itself;
 * {@code DatabaseOutageTest} checks separately that the application's own timeouts stay under its promise. The read
 * timeout ({@code socketTimeout}, 10 s) stays the application's: a statement of {@code CrashMidTransactionTest} sleeps
 * 3 s in a trigger and must not time out.
 */
public class ProxiedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** How long a caller waits for a pooled connection in this context (the application: 10 s). */
    public static final int CONNECTION_TIMEOUT_MS = 4000;
    /** The driver's connect timeout in this context (the application: 3 s). */
    static final int CONNECT_TIMEOUT_MS = 2000;

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
                "ngo.mail.send-interval=PT24H",
                "spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS,
                "spring.datasource.hikari.data-source-properties.connectTimeout=" + CONNECT_TIMEOUT_MS,
                // These tests cut the database under a page and expect the outage page: the home page's few seconds of
                // public editions in memory would hide the cut (that cache is tested in PublicEditionsCacheTest).
                "ngo.editions.public-cache=PT0S"
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
