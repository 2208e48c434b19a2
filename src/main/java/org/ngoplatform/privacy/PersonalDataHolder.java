package org.ngoplatform.privacy;

import org.springframework.core.Ordered;

/**
 * A module that holds personal data about accounts implements this in its own package, through its own entities
 * and services (model: {@code edition.EditionSeatPolicy}). {@link MyDataService} calls every holder inside its own
 * transaction, with the person signed in, in {@link org.springframework.core.annotation.Order} order; privacy itself
 * never reads another module's tables. Implementations should require a running transaction
 * ({@code @Transactional(propagation = MANDATORY)}). A module privacy itself depends on (account, mail) cannot
 * implement this without a cycle: it offers an API instead ({@code account.AccountPersonalData},
 * {@code mail.MailPersonalData}) and privacy adapts it ({@link MailHolder}).
 */
public interface PersonalDataHolder {

    /** Holders that may queue mail during an erasure come before this; the mail holder runs last. */
    int MAIL_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /** Adds what this module holds about the account to the person's download. */
    void exportMine(MyDataFile file);

    /** Erases, or unlinks from the person, what this module holds about the account being erased. */
    void erase(AccountErasure erasure);
}
