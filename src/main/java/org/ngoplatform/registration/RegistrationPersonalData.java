package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.EditionRetentionPurger;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registrations for the privacy feature: the person's registrations and consents in "my data"; on erasure, seats
 * and waiting-list places in editions still to come are given up through the ordinary cancellation (the next
 * person waiting is promoted, group places are released) and every registration loses its details; the retention
 * job's purges per edition.
 */
@Component
@Order(100)
class RegistrationPersonalData implements PersonalDataHolder, EditionRetentionPurger {

    private final RegistrationRepository registrations;
    private final RegistrationCancellation cancellation;
    private final EditionService editions;
    private final OrganisationService organisations;
    private final Clock clock;

    RegistrationPersonalData(RegistrationRepository registrations, RegistrationCancellation cancellation, EditionService editions,
                             OrganisationService organisations, Clock clock) {
        this.registrations = registrations;
        this.cancellation = cancellation;
        this.editions = editions;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        List<Map<String, Object>> consents = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Registration r : registrations.findByAccountIdOrderByIdAsc(file.accountId())) {
            EditionSummary e = editions.find(r.getEditionId()).orElse(null);
            String city = e == null ? null : e.city();
            Integer year = e == null ? null : e.year();
            consents.add(MyDataFile.row("given_for", "registration " + city + " " + year,
                    "consent_at", r.getConsentAt(), "notice_version", r.getConsentVersion()));
            String organisation = r.getOrganisationId() == null ? null
                    : organisations.find(r.getOrganisationId()).map(OrganisationRef::name).orElse(null);
            rows.add(MyDataFile.row("city", city, "edition_year", year, "organisation", organisation,
                    "job_title", r.getJobTitle(), "arrival_on", r.getArrivalOn(), "departure_on", r.getDepartureOn(),
                    "dietary_needs", r.getDietaryNeeds(), "accessibility_needs", r.getAccessibilityNeeds(),
                    "visa_letter", r.isVisaLetter(), "list_opt_in", r.isListOptIn(), "status", r.getStatus().name(),
                    "waitlist_position", r.getWaitlistPosition(), "created_at", r.getCreatedAt(),
                    "updated_at", r.getUpdatedAt(), "confirmed_at", r.getConfirmedAt(),
                    "cancelled_at", r.getCancelledAt(), "cancel_reason", r.getCancelReason()));
        }
        file.addAll("consents", consents);
        file.put("registrations", rows);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        LocalDate today = LocalDate.now(clock);
        List<Registration> mine = registrations.findByAccountIdOrderByIdAsc(erasure.accountId());
        for (Registration r : mine) {
            if (r.getStatus() != RegistrationStatus.CANCELLED
                    && !editions.lockForSeatChange(r.getEditionId()).isPast(today)) {
                cancellation.cancelLocked(r.getId(), r.getEditionId(), null);
            }
        }
        for (Registration r : mine) {
            r.eraseDetails();
            r.leaveParticipantList();
        }
        registrations.flush();
        erasure.count(AccountErasure.REGISTRATIONS, mine.size());
    }

    @Override
    public String countsWhat() {
        return AccountErasure.REGISTRATIONS;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeSpecialCategory(long editionId) {
        int changed = 0;
        for (Registration r : registrations.findByEditionIdOrderByIdAsc(editionId)) {
            if (r.eraseSpecialCategory()) {
                changed++;
            }
        }
        registrations.flush();
        return changed;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeDetails(long editionId) {
        List<Registration> all = registrations.findByEditionIdOrderByIdAsc(editionId);
        all.forEach(Registration::eraseDetails);
        registrations.flush();
        return all.size();
    }
}
