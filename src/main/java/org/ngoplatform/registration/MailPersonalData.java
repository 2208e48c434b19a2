package org.ngoplatform.registration;

import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails to a person in the outbox, for "my data" (subject and dates, never the text) and erasure (deleted, also
 * any queued during the erasure itself, which is why this holder runs last).
 */
@Component
@Order(PersonalDataHolder.MAIL_ORDER)
class MailPersonalData implements PersonalDataHolder {

    private final OutboxMailRepository mails;

    MailPersonalData(OutboxMailRepository mails) {
        this.mails = mails;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        file.put("mailsToYou", mails.findByRecipientOrderByIdAsc(file.email()).stream()
                .map(m -> MyDataFile.row("subject", m.getSubject(), "created_at", m.getCreatedAt(), "sent_at", m.getSentAt()))
                .toList());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        mails.deleteAllTo(erasure.email());
    }
}
