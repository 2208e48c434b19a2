package org.ngoplatform.account;

import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Many participant accounts at once for concurrency tests and the benchmark: saved directly with a fixed
 * (unusable) password hash, because hashing hundreds of passwords would dominate the test's time.
 */
public final class BulkAccounts {

    private BulkAccounts() {
    }

    public static List<AccountPrincipal> participants(ApplicationContext context, int count) {
        AccountRepository repository = context.getBean(AccountRepository.class);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Account> accounts = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            accounts.add(new Account("bulk-" + run + "-" + i + "@test.ngo-platform.local", "Bulk " + run + " " + i,
                    "{noop}not-a-login", null, "EE", now, "test", now));
        }
        return repository.saveAll(accounts).stream().map(AccountPrincipal::new).toList();
    }
}
