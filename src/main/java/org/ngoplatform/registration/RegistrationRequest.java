package org.ngoplatform.registration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What a participant types to register (or edit a registration); bound to the registration form. */
public class RegistrationRequest {

    /** An existing organisation's name, or a new one that goes to organisers for review. */
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.too-long}")
    private String organisationName = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = Registration.JOB_TITLE_MAX, message = "{validation.too-long}")
    private String jobTitle = "";

    private LocalDate arrivalOn;
    private LocalDate departureOn;

    @Size(max = Registration.NEEDS_MAX, message = "{validation.too-long}")
    private String dietaryNeeds = "";

    @Size(max = Registration.NEEDS_MAX, message = "{validation.too-long}")
    private String accessibilityNeeds = "";

    private boolean visaLetter;

    @AssertTrue(message = "{validation.consent}")
    private boolean privacyConsent;

    private boolean listOptIn;

    /** The registration version an edit started from; ignored for a new registration. */
    private long version;

    @AssertTrue(message = "{registration.dates.order}")
    public boolean isDatesOrdered() {
        return arrivalOn == null || departureOn == null || !departureOn.isBefore(arrivalOn);
    }

    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public LocalDate getArrivalOn() { return arrivalOn; }
    public void setArrivalOn(LocalDate arrivalOn) { this.arrivalOn = arrivalOn; }
    public LocalDate getDepartureOn() { return departureOn; }
    public void setDepartureOn(LocalDate departureOn) { this.departureOn = departureOn; }
    public String getDietaryNeeds() { return dietaryNeeds; }
    public void setDietaryNeeds(String dietaryNeeds) { this.dietaryNeeds = dietaryNeeds; }
    public String getAccessibilityNeeds() { return accessibilityNeeds; }
    public void setAccessibilityNeeds(String accessibilityNeeds) { this.accessibilityNeeds = accessibilityNeeds; }
    public boolean isVisaLetter() { return visaLetter; }
    public void setVisaLetter(boolean visaLetter) { this.visaLetter = visaLetter; }
    public boolean isPrivacyConsent() { return privacyConsent; }
    public void setPrivacyConsent(boolean privacyConsent) { this.privacyConsent = privacyConsent; }
    public boolean isListOptIn() { return listOptIn; }
    public void setListOptIn(boolean listOptIn) { this.listOptIn = listOptIn; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
