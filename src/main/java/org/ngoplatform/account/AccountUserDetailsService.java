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

    private final AccountRepository accounts;
    private final AccountService accountService;

    AccountUserDetailsService(AccountRepository accounts, AccountService accountService) {
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
        return accounts.findByEmail(email).map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("not found"));
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            accountService.recordLogin(p.getUsername());
        }
    }
}
