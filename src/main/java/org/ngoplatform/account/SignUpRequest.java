package org.ngoplatform.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person types to create a participant account; bound to the sign-up form. */
public class SignUpRequest {

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = Account.EMAIL_MAX, message = "{validation.too-long}")
    private String email = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = Account.NAME_MAX, message = "{validation.too-long}")
    private String displayName = "";

    /** An existing organisation's name, or a new one that goes to organisers for review. */
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.too-long}")
    private String organisationName = "";

    @NotBlank(message = "{validation.required}")
    @Size(min = 2, max = 2, message = "{validation.country}")
    private String countryCode;

    @NotBlank(message = "{validation.required}")
    @Size(max = PasswordPolicy.MAX_LENGTH, message = "{validation.too-long}")
    private String password = "";

    @AssertTrue(message = "{validation.consent}")
    private boolean privacyConsent;

    /** The language the form was filled in; the account keeps it as its preferred language (mails are written in it). */
    @Size(max = 10, message = "{validation.too-long}")
    private String language;

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isPrivacyConsent() { return privacyConsent; }
    public void setPrivacyConsent(boolean privacyConsent) { this.privacyConsent = privacyConsent; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
