package org.ngoplatform.privacy;

import org.ngoplatform.mail.MailPersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails to the person in the outbox, through the mail module's API (mail cannot implement
 * {@link PersonalDataHolder} itself: privacy depends on mail). Runs last, so that mails queued during the erasure
 * itself (e.g. a promotion caused by a given-up seat goes to someone else, a cancellation to the person) are
 * erased as well.
 */
@Component
@Order(PersonalDataHolder.MAIL_ORDER)
class MailHolder implements PersonalDataHolder {

    private final MailPersonalData mails;

    MailHolder(MailPersonalData mails) {
        this.mails = mails;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        file.put("mailsToYou", mails.mailsTo(file.email()).stream()
                .map(m -> MyDataFile.row("subject", m.subject(), "created_at", m.createdAt(), "sent_at", m.sentAt()))
                .toList());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        mails.eraseAllTo(erasure.email());
    }
}
