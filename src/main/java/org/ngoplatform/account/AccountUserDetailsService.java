package org.ngoplatform.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccountUserDetailsService.class);

    private final AccountRepository accounts;
    private final AccountService accountService;

    private final java.time.Clock clock;

    AccountUserDetailsService(AccountRepository accounts, AccountService accountService, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.accountService = accountService;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email;
        try {
            email = Account.normaliseEmail(username);
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("not found");
        }
        return accounts.findByEmail(email).map(a -> new AccountPrincipal(a, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("not found"));
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            try {
                accountService.recordLogin(p.getUsername());
            } catch (RuntimeException e) {
                // Bookkeeping must never fail a sign-in.
                log.warn("Could not record the sign-in time of account {}: {}", p.accountId(), e.toString());
            }
        }
    }
}
