package org.ngoplatform.demo;

import org.ngoplatform.account.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Demo accounts for trying the app; only with the {@code demo} profile, never in a default start. */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoAccounts accounts;

    DemoData(DemoAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = accounts.ensureDemoAccounts();
        log.info("Demo profile: {} demo accounts created (password {})", created, DemoAccounts.PASSWORD);
    }
}
