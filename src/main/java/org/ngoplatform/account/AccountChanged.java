package org.ngoplatform.account;

/**
 * The name, email or country of an account changed (today only through erasure). Published in the account's
 * transaction, so features that keep a copy of these values (registration's list of participants) update it in
 * the same transaction with a plain {@code @EventListener}. Whoever changes these fields of an {@link Account}
 * publishes it.
 */
public record AccountChanged(long accountId, String displayName, String email, String countryCode) {

    static AccountChanged of(Account a) {
        return new AccountChanged(a.getId(), a.getDisplayName(), a.getEmail(), a.getCountryCode());
    }
}
