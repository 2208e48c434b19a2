package org.ngoplatform.account;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Creates real accounts with unique emails (tests never depend on an empty database) and signs them in
 * for service calls.
 */
@Component
public class AccountFixtures {

    public static final String PASSWORD = "correct-horse-battery-7";

    private final AccountService accounts;

    AccountFixtures(AccountService accounts) {
        this.accounts = accounts;
    }

    public AccountPrincipal create(Role... roles) {
        EnumSet<Role> set = roles.length == 0 ? EnumSet.of(Role.PARTICIPANT) : EnumSet.copyOf(List.of(roles));
        String email = "t-" + UUID.randomUUID().toString().substring(0, 12) + "@test.ngo-platform.local";
        Account account = accounts.createSystemAccount(email, "Test " + set, PASSWORD, set, "EE");
        return new AccountPrincipal(account);
    }

    /** As the first organiser is created: with a one-time password ({@link #PASSWORD}) valid for a day. */
    public AccountPrincipal createWithOneTimePassword(Role... roles) {
        EnumSet<Role> set = roles.length == 0 ? EnumSet.of(Role.PARTICIPANT) : EnumSet.copyOf(List.of(roles));
        String email = "t-" + UUID.randomUUID().toString().substring(0, 12) + "@test.ngo-platform.local";
        Account account = accounts.createSystemAccount(email, "Test " + set, PASSWORD, set, "EE",
                java.time.Duration.ofDays(1));
        return new AccountPrincipal(account);
    }

    public AccountPrincipal signIn(Role... roles) {
        AccountPrincipal principal = create(roles);
        signIn(principal);
        return principal;
    }

    public static void signIn(AccountPrincipal principal) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
