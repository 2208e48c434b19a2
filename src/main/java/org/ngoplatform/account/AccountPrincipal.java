package org.ngoplatform.account;

import org.ngoplatform.base.security.NamedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;

/** The signed-in person as Spring Security holds it in the session. */
public final class AccountPrincipal implements UserDetails, NamedPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String email;
    private final String displayName;
    private final String passwordHash;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean credentialsNonExpired;
    private final boolean mustChangePassword;

    AccountPrincipal(Account account) {
        this(account, null);
    }

    /** With {@code now}: a one-time password used or expired by then counts as expired credentials. */
    AccountPrincipal(Account account, java.time.Instant now) {
        this.credentialsNonExpired = now == null || account.passwordUsableAt(now);
        this.mustChangePassword = account.hasOneTimePassword();
        this.accountId = account.getId();
        this.email = account.getEmail();
        this.displayName = account.getDisplayName();
        this.passwordHash = account.getPasswordHash();
        this.roles = account.getRoles();
        this.enabled = account.isEnabled();
    }

    public long accountId() {
        return accountId;
    }

    /** Signed in with a one-time password: a new password comes before anything else (as of sign-in). */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public String auditName() {
        return "account:" + accountId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isCredentialsNonExpired() {
        return credentialsNonExpired;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
