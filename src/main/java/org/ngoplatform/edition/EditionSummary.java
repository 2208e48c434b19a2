package org.ngoplatform.edition;

import java.time.Instant;
import java.time.LocalDate;

/** An edition as pages and other features read it. */
public record EditionSummary(long id, String city, String countryCode, int year, String venue,
                             LocalDate startsOn, LocalDate endsOn, String timeZone, String description,
                             Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
                             EditionStatus status, boolean participantListVisible, long version) {

    static EditionSummary of(Edition e) {
        return new EditionSummary(e.getId(), e.getCity(), e.getCountryCode(), e.getYear(), e.getVenue(),
                e.getStartsOn(), e.getEndsOn(), e.getTimeZone(), e.getDescription(), e.getCapacity(),
                e.getRegistrationOpensAt(), e.getRegistrationClosesAt(), e.getStatus(),
                e.isParticipantListVisible(), e.getVersion());
    }

    public String title() {
        return city + " " + year;
    }

    public boolean isPast(LocalDate today) {
        return status == EditionStatus.ARCHIVED || (endsOn != null && endsOn.isBefore(today));
    }
}
