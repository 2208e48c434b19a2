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

    /**
     * Whether people may register at {@code now}: the edition is OPEN, has a capacity, and {@code now} lies inside
     * the registration window (opening included, closing excluded).
     */
    public boolean isOpenForRegistration(Instant now) {
        return status == EditionStatus.OPEN && capacity != null
                && registrationOpensAt != null && !now.isBefore(registrationOpensAt)
                && registrationClosesAt != null && now.isBefore(registrationClosesAt);
    }

    /** Whether the edition is OPEN but its registration window only opens after {@code now}. */
    public boolean opensForRegistrationAfter(Instant now) {
        return status == EditionStatus.OPEN && registrationOpensAt != null && registrationOpensAt.isAfter(now);
    }

    public boolean isPast(LocalDate today) {
        return status == EditionStatus.ARCHIVED || (endsOn != null && endsOn.isBefore(today));
    }
}
