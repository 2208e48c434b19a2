package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSummary;

import java.time.LocalDate;

/** A participant's own registration, with what they may still do with it. */
public record MyRegistration(long id, EditionSummary edition, RegistrationStatus status, Integer waitlistPosition,
                             String organisationName, String jobTitle, LocalDate arrivalOn, LocalDate departureOn,
                             String dietaryNeeds, String accessibilityNeeds, boolean visaLetter, boolean listOptIn,
                             boolean editable, long version) {

    public boolean calendarAvailable() {
        return status == RegistrationStatus.CONFIRMED && edition.startsOn() != null;
    }

    public RegistrationRequest toRequest() {
        var r = new RegistrationRequest();
        r.setOrganisationName(organisationName == null ? "" : organisationName);
        r.setJobTitle(jobTitle);
        r.setArrivalOn(arrivalOn);
        r.setDepartureOn(departureOn);
        r.setDietaryNeeds(dietaryNeeds == null ? "" : dietaryNeeds);
        r.setAccessibilityNeeds(accessibilityNeeds == null ? "" : accessibilityNeeds);
        r.setVisaLetter(visaLetter);
        r.setListOptIn(listOptIn);
        r.setPrivacyConsent(true);
        r.setVersion(version);
        return r;
    }
}
