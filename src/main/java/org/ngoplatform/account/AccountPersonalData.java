package org.ngoplatform.account;

import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's own account for the privacy feature's "my data" download and erasure: always the
 * caller's own account, inside the privacy service's transaction.
 */
@Component
public class AccountPersonalData {

    private final AccountRepository accounts;
    private final OrganisationService organisations;
    private final ApplicationEventPublisher events;

    AccountPersonalData(AccountRepository accounts, OrganisationService organisations, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.events = events;
    }

    /** The account, its roles and the consent given at sign-up. */
    public record Mine(Map<String, Object> account, List<String> roles, Map<String, Object> consent) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Mine mine() {
        Account a = accounts.findById(CurrentAccount.requireId()).orElseThrow();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", a.getId());
        account.put("email", a.getEmail());
        account.put("display_name", a.getDisplayName());
        account.put("country_code", a.getCountryCode());
        account.put("organisation", a.getOrganisationId() == null ? null
                : organisations.find(a.getOrganisationId()).map(OrganisationRef::name).orElse(null));
        account.put("enabled", a.isEnabled());
        account.put("preferred_language", a.getPreferredLanguage());
        account.put("created_at", a.getCreatedAt());
        account.put("last_login_at", a.getLastLoginAt());
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("given_for", "account");
        consent.put("consent_at", a.getPrivacyConsentAt());
        consent.put("notice_version", a.getPrivacyNoticeVersion());
        return new Mine(account, a.getRoles().stream().map(Role::name).sorted().toList(), consent);
    }

    /** Locks the caller's account row for the erasure and returns the email it has now. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public String lockMine() {
        return accounts.lockById(CurrentAccount.requireId()).orElseThrow().getEmail();
    }

    /**
     * Erases the caller's account (see {@link Account#erase}); the address becomes free for a new sign-up. Copies
     * of name and email elsewhere follow through {@link AccountChanged}, in this transaction.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseMine(String standInName) {
        Account a = accounts.lockById(CurrentAccount.requireId()).orElseThrow();
        a.erase(erasedEmail(a.getId()), standInName);
        accounts.flush();
        events.publishEvent(AccountChanged.of(a));
    }

    static String erasedEmail(long id) {
        return "erased-" + id + "@erased.invalid";
    }
}
