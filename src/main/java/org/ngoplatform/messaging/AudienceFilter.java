package org.ngoplatform.messaging;

import org.ngoplatform.registration.RegistrationStatus;

import java.util.Set;

/**
 * Whom a message goes to, as the organiser chose it: registrations of these statuses (at least one), optionally only
 * the members of one workshop group, of one country, of one organisation (its name as registrations keep it), or
 * those who asked for a visa letter. The audience is always computed from this on the server ({@link Audience}).
 */
public record AudienceFilter(Set<RegistrationStatus> statuses, Long groupId, String countryCode, String organisation,
                             boolean visaLetterOnly) {

    /** The longest organisation name registrations keep; a longer one is refused. */
    public static final int ORGANISATION_MAX = 200;

    public AudienceFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        countryCode = countryCode == null || countryCode.isBlank() ? null : countryCode.strip();
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
    }

    public static AudienceFilter of(RegistrationStatus... statuses) {
        return new AudienceFilter(Set.of(statuses), null, null, null, false);
    }

    public AudienceFilter inGroup(Long group) {
        return new AudienceFilter(statuses, group, countryCode, organisation, visaLetterOnly);
    }
}
