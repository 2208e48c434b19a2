package org.ngoplatform.account;

import java.time.Instant;
import java.util.Set;

/** An account as organisers see it in the admin grid. */
public record AccountSummary(long id, String email, String displayName, Long organisationId, String countryCode,
                             Set<Role> roles, boolean enabled, Instant createdAt, Instant lastLoginAt) {

    static AccountSummary of(Account a) {
        return new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getOrganisationId(),
                a.getCountryCode(), a.getRoles(), a.isEnabled(), a.getCreatedAt(), a.getLastLoginAt());
    }
}
