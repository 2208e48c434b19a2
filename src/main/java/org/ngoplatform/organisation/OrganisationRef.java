package org.ngoplatform.organisation;

/** An organisation as other features show it. */
public record OrganisationRef(long id, String name, String countryCode, boolean approved) {

    static OrganisationRef of(Organisation o) {
        return new OrganisationRef(o.getId(), o.getName(), o.getCountryCode(), o.getStatus() == Organisation.Status.APPROVED);
    }
}
