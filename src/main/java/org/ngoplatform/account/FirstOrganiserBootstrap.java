package org.ngoplatform.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.EnumSet;

/**
 * On a database without any organiser, creates one from configuration. Without a configured password it
 * generates a one-time password and prints it once to the log: it signs in once, within a day.
 */
@Component
class FirstOrganiserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstOrganiserBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!";

    /** How long the generated one-time password can be used (once). */
    static final java.time.Duration ONE_TIME_FOR = java.time.Duration.ofDays(1);

    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final String email;
    private final String configuredPassword;

    FirstOrganiserBootstrap(AccountService accounts, JdbcClient jdbc,
                            @Value("${ngo.bootstrap.organiser-email}") String email,
                            @Value("${ngo.bootstrap.organiser-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.email = email;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organiserExists()) {
            return;
        }
        if (accounts.findByEmail(email).isPresent()) {
            log.warn("No organiser exists, and {} is taken by another account: set NGO_ADMIN_EMAIL to a free address", email);
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        PasswordPolicy.problem(password, email).ifPresent(problem -> {
            throw new IllegalStateException("The configured first organiser password is not acceptable: " + problem);
        });
        accounts.createSystemAccount(email, "Organiser", password, EnumSet.of(Role.ORGANISER, Role.PARTICIPANT), null,
                generated ? ONE_TIME_FOR : null);
        if (generated) {
            log.warn("""

                    ================================================================
                    First organiser created: {}
                    One-time password: {}
                    It signs in once, within a day. It is not shown again.
                    ================================================================""", email, password);
        } else {
            log.info("First organiser {} created from configuration", email);
        }
    }

    /**
     * The same question as {@link AccountService#organiserExists()}, asked with one SQL statement: on every start but
     * the first the answer is yes, and asking it through the repository built the whole account repository (all its
     * queries parsed by two cold HQL parsers) before the first request could be served; 19 % of the start-up CPU
     * samples with lazily built repositories (docs/performance.md, "Start-up against a JPA floor").
     */
    private boolean organiserExists() {
        return jdbc.sql("select count(*) from account_role where role = :role").param("role", Role.ORGANISER.name())
                .query(Long.class).single() > 0;
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        sb.append(random.nextInt(10));
        return sb.toString();
    }
}
