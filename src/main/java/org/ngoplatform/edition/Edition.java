package org.ngoplatform.edition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.ngoplatform.base.EntityText;
import org.ngoplatform.base.Countries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One NGO Platform meeting, e.g. Tallinn 2013. Past editions may carry only their year. */
@Entity
@Table(name = "edition")
public class Edition {

    public static final int CITY_MAX = 100;
    public static final int VENUE_MAX = 200;
    public static final int TIME_ZONE_MAX = 60;
    public static final int DESCRIPTION_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Size(max = CITY_MAX)
    @Column(nullable = false, length = CITY_MAX)
    private String city;

    @Column(name = "country_code", nullable = false, length = 2)
    @Size(max = 2)
    private String countryCode;

    @Column(name = "edition_year", nullable = false)
    private int year;

    @Size(max = VENUE_MAX)
    @Column(length = VENUE_MAX)
    private String venue;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Size(max = TIME_ZONE_MAX)
    @Column(name = "time_zone", nullable = false, length = TIME_ZONE_MAX)
    private String timeZone;

    @Size(max = DESCRIPTION_MAX)
    @Column(length = DESCRIPTION_MAX)
    private String description;

    private Integer capacity;

    @Column(name = "registration_opens_at")
    private Instant registrationOpensAt;

    @Column(name = "registration_closes_at")
    private Instant registrationClosesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EditionStatus status;

    @Column(name = "participant_list_visible", nullable = false)
    private boolean participantListVisible;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Edition() {
    }

    public Edition(String city, String countryCode, int year, String timeZone, Instant createdAt) {
        this.city = EntityText.required(city, CITY_MAX, "city");
        if (!Countries.isValid(countryCode)) {
            throw new IllegalArgumentException("unknown country " + countryCode);
        }
        this.countryCode = countryCode;
        this.year = year;
        this.timeZone = ZoneId.of(timeZone).getId();
        this.status = EditionStatus.DRAFT;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCity() { return city; }
    public String getCountryCode() { return countryCode; }
    public int getYear() { return year; }
    public String getVenue() { return venue; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public String getTimeZone() { return timeZone; }
    public String getDescription() { return description; }
    public Integer getCapacity() { return capacity; }
    public Instant getRegistrationOpensAt() { return registrationOpensAt; }
    public Instant getRegistrationClosesAt() { return registrationClosesAt; }
    public EditionStatus getStatus() { return status; }
    public boolean isParticipantListVisible() { return participantListVisible; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }

    /** Package-private mutators: only {@link EditionService} changes editions, after checking the rules. */
    void setCity(String city) { this.city = EntityText.required(city, CITY_MAX, "city"); }
    void setCountryCode(String code) {
        if (!Countries.isValid(code)) throw new IllegalArgumentException("unknown country " + code);
        this.countryCode = code;
    }
    void setYear(int year) { this.year = year; }
    void setVenue(String venue) { this.venue = EntityText.optional(venue, VENUE_MAX, "venue"); }
    void setDates(LocalDate startsOn, LocalDate endsOn) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("end before start");
        }
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        if (startsOn != null) this.year = startsOn.getYear();
    }
    void setTimeZone(String zone) { this.timeZone = ZoneId.of(zone).getId(); }
    void setDescription(String description) { this.description = EntityText.optional(description, DESCRIPTION_MAX, "description"); }
    void setCapacity(Integer capacity) {
        if (capacity != null && capacity < 1) throw new IllegalArgumentException("capacity < 1");
        this.capacity = capacity;
    }
    void setRegistrationWindow(Instant opens, Instant closes) {
        if (opens != null && closes != null && closes.isBefore(opens)) {
            throw new IllegalArgumentException("closes before opens");
        }
        this.registrationOpensAt = opens;
        this.registrationClosesAt = closes;
    }
    void setParticipantListVisible(boolean visible) { this.participantListVisible = visible; }
    void moveTo(EditionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Cannot move an edition from " + status + " to " + next);
        }
        this.status = next;
    }
}
