package org.ngoplatform.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Where to mail one account, for features that mail a person about their own business (registration's seat
 * mails) inside their own transaction, whoever triggered it (the person, an organiser, a job). The caller
 * decides who may cause the mail; the address never leaves the server except in that mail.
 */
@Component
public class MailContacts {

    private final AccountRepository accounts;

    MailContacts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account's address, name and preferred language (English if unset); empty if no such account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MailContact> of(long accountId) {
        return accounts.findById(accountId).map(AccountService::mailContact);
    }
}
