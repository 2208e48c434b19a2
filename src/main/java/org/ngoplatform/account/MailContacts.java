package org.ngoplatform.account;

import org.ngoplatform.mail.MailLanguage;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    MailContacts(AccountRepository accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** The account's address, name and preferred language (English if unset); empty if no such account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MailContact> of(long accountId) {
        return accounts.findById(accountId).map(AccountService::mailContact);
    }

    /**
     * {@link #of} in plain SQL, for a transaction that has not changed the account (a registration asks it before it
     * takes the edition's lock): the entity's load with its roles was a tenth of a registration's CPU samples
     * (docs/performance.md "Registration", issue 15 §2). Reads what is committed or written in the caller's
     * transaction, not a change Hibernate has not flushed yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MailContact> read(long accountId) {
        return jdbc.sql("SELECT email, display_name, preferred_language FROM account WHERE id = ?")
                .param(accountId)
                .query((rs, row) -> new MailContact(rs.getString(1), rs.getString(2), MailLanguage.of(rs.getString(3))))
                .optional();
    }
}
