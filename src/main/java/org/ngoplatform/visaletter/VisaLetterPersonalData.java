package org.ngoplatform.visaletter;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.EditionRetentionPurger;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.ngoplatform.registration.RegistrationCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Visa letter details for the privacy feature, handled like special-category data: the person's own requests (with
 * the letter as issued) in "my data"; deleted on erasure; deleted by the retention job's first step (special
 * categories) together with dietary and accessibility needs; and deleted in the cancelling transaction when the
 * registration they were given for is cancelled (nobody needs a letter for a seat they gave up). The template holds
 * no personal data and stays (who last changed it is unlinked on erasure).
 */
@Component
@Order(310)
class VisaLetterPersonalData implements PersonalDataHolder, EditionRetentionPurger {

    /** What {@link AccountErasure} counts for this module. */
    static final String REQUESTS = "visa letter requests";

    private final VisaLetterRequestRepository requests;
    private final VisaLetterTemplateRepository templates;
    private final EditionService editions;

    VisaLetterPersonalData(VisaLetterRequestRepository requests, VisaLetterTemplateRepository templates,
                           EditionService editions) {
        this.requests = requests;
        this.templates = templates;
        this.editions = editions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VisaLetterRequest r : requests.findByAccountIdOrderByIdAsc(file.accountId())) {
            EditionSummary e = editions.find(r.getEditionId()).orElse(null);
            rows.add(MyDataFile.row("city", e == null ? null : e.city(), "edition_year", e == null ? null : e.year(),
                    "full_name", r.getFullName(), "nationality", r.getNationality(),
                    "passport_number", r.getPassportNumber(), "date_of_birth", r.getDateOfBirth(),
                    "consulate_city", r.getConsulateCity(), "requested_at", r.getRequestedAt(),
                    "status", r.status().name(), "issued_at", r.getIssuedAt(), "issued_letter", r.getIssuedText()));
        }
        file.put("visa_letters", rows);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        erasure.count(REQUESTS, requests.deleteOfAccount(erasure.accountId()));
        templates.forgetAuthor(erasure.accountId());
    }

    @Override
    public String countsWhat() {
        return REQUESTS;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeSpecialCategory(long editionId) {
        return requests.deleteOfEdition(editionId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeDetails(long editionId) {
        return requests.deleteOfEdition(editionId); // none left after the first step; kept for an edition purged in one go
    }

    @EventListener
    void on(RegistrationCancelled cancelled) {
        requests.deleteOf(cancelled.editionId(), cancelled.accountId());
    }
}
