package org.ngoplatform.account;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Map;

/** One account per role for the {@code demo} profile. The bean does not exist in any other profile. */
@Component
@Profile("demo")
public class DemoAccounts {

    public static final String PASSWORD = "demo-platform-2026";

    private static final Map<String, Role> ACCOUNTS = Map.of(
            "participant@demo.ngo-platform.local", Role.PARTICIPANT,
            "facilitator@demo.ngo-platform.local", Role.FACILITATOR,
            "analyst@demo.ngo-platform.local", Role.ANALYST,
            "organiser@demo.ngo-platform.local", Role.ORGANISER);

    private final AccountService accounts;

    DemoAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public int ensureDemoAccounts() {
        int created = 0;
        for (var entry : ACCOUNTS.entrySet()) {
            if (accounts.findByEmail(entry.getKey()).isEmpty()) {
                EnumSet<Role> roles = EnumSet.of(Role.PARTICIPANT, entry.getValue());
                String name = "Demo " + entry.getValue().name().charAt(0) + entry.getValue().name().substring(1).toLowerCase();
                accounts.createSystemAccount(entry.getKey(), name, PASSWORD, roles, "EE");
                created++;
            }
        }
        return created;
    }
}
