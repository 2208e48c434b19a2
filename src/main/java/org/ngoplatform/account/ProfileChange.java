package org.ngoplatform.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ngoplatform.base.SingleLine;

/** What a signed-in person may change about themselves; bound to the account page, checked again by the service. */
public class ProfileChange {

    @NotBlank(message = "{validation.required}")
    @Size(max = Account.NAME_MAX, message = "{validation.too-long}")
    @SingleLine
    private String displayName = "";

    /** An existing organisation's name, or a new one that goes to organisers for review; blank for none. */
    @Size(max = 200, message = "{validation.too-long}")
    @SingleLine
    private String organisationName = "";

    /** Needed with an organisation (a new organisation is proposed for this country). */
    @Size(max = 2, message = "{validation.country}")
    private String countryCode;

    @Size(max = 10, message = "{validation.too-long}")
    private String language;

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
