package org.ngoplatform.registration;

import org.ngoplatform.account.AccountChanged;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps registration's copy of the participant's name, email and country (see {@link Registration}) current when
 * the account changes (today: erasure gives a stand-in name and a placeholder address). Runs in the account's
 * transaction, so the copy never differs from the account once committed. The copy exists because the organisers'
 * list searches, sorts and pages by these values, which an API call per row cannot do; the organisation's name
 * needs no listener, organisations are never renamed.
 */
@Component
class RegistrationParticipantCopy {

    private final RegistrationRepository registrations;
    private final OrganisationService organisations;

    RegistrationParticipantCopy(RegistrationRepository registrations, OrganisationService organisations) {
        this.registrations = registrations;
        this.organisations = organisations;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AccountChanged changed) {
        for (Registration r : registrations.findByAccountIdOrderByIdAsc(changed.accountId())) {
            String organisationCountry = r.getOrganisationId() == null ? null
                    : organisations.find(r.getOrganisationId()).map(OrganisationRef::countryCode).orElse(null);
            r.describe(changed.displayName(), changed.email(), changed.countryCode(), organisationCountry,
                    r.getOrganisationName());
        }
        registrations.flush();
    }
}
