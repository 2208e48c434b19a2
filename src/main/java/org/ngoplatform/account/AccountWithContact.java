package org.ngoplatform.account;

/** An account ({@link AccountSummary}) with where to mail its person ({@link MailContact}), read together. */
public record AccountWithContact(AccountSummary account, MailContact contact) {
}
