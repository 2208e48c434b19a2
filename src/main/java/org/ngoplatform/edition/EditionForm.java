package org.ngoplatform.edition;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What an organiser types for an edition. Registration opening and closing are local date-times in the
 * edition's own time zone.
 */
public class EditionForm {

    public static final int MAX_CAPACITY = 100_000;

    @NotBlank(message = "{validation.required}")
    @Size(max = Edition.CITY_MAX, message = "{validation.too-long}")
    private String city = "";

    @NotBlank(message = "{validation.country}")
    @Size(min = 2, max = 2, message = "{validation.country}")
    private String countryCode;

    @Size(max = Edition.VENUE_MAX, message = "{validation.too-long}")
    private String venue = "";

    @NotNull(message = "{validation.required}")
    private LocalDate startsOn;

    @NotNull(message = "{validation.required}")
    private LocalDate endsOn;

    @NotBlank(message = "{validation.required}")
    @Size(max = Edition.TIME_ZONE_MAX, message = "{validation.too-long}")
    private String timeZone = "Europe/Brussels";

    @Size(max = Edition.DESCRIPTION_MAX, message = "{validation.too-long}")
    private String description = "";

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{edition.capacity.min}")
    @Max(value = MAX_CAPACITY, message = "{validation.max}")
    private Integer capacity;

    @NotNull(message = "{validation.required}")
    private LocalDateTime registrationOpensAt;

    @NotNull(message = "{validation.required}")
    private LocalDateTime registrationClosesAt;

    private boolean participantListVisible;

    /** The version the organiser started editing from (optimistic locking); ignored on create. */
    private long version;

    @AssertTrue(message = "{edition.dates.order}")
    public boolean isDatesOrdered() {
        return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
    }

    @AssertTrue(message = "{edition.window.order}")
    public boolean isWindowOrdered() {
        return registrationOpensAt == null || registrationClosesAt == null
                || !registrationClosesAt.isBefore(registrationOpensAt);
    }

    public static EditionForm of(EditionSummary e) {
        var f = new EditionForm();
        f.city = e.city();
        f.countryCode = e.countryCode();
        f.venue = e.venue() == null ? "" : e.venue();
        f.startsOn = e.startsOn();
        f.endsOn = e.endsOn();
        f.timeZone = e.timeZone();
        f.description = e.description() == null ? "" : e.description();
        f.capacity = e.capacity();
        var zone = ZoneId.of(e.timeZone());
        f.registrationOpensAt = e.registrationOpensAt() == null ? null : LocalDateTime.ofInstant(e.registrationOpensAt(), zone);
        f.registrationClosesAt = e.registrationClosesAt() == null ? null : LocalDateTime.ofInstant(e.registrationClosesAt(), zone);
        f.participantListVisible = e.participantListVisible();
        f.version = e.version();
        return f;
    }

    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public LocalDateTime getRegistrationOpensAt() { return registrationOpensAt; }
    public void setRegistrationOpensAt(LocalDateTime registrationOpensAt) { this.registrationOpensAt = registrationOpensAt; }
    public LocalDateTime getRegistrationClosesAt() { return registrationClosesAt; }
    public void setRegistrationClosesAt(LocalDateTime registrationClosesAt) { this.registrationClosesAt = registrationClosesAt; }
    public boolean isParticipantListVisible() { return participantListVisible; }
    public void setParticipantListVisible(boolean participantListVisible) { this.participantListVisible = participantListVisible; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
