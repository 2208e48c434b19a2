package org.ngoplatform.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One person's registration for one edition. Seat changes happen only under the edition's row lock. */
@Entity
@Table(name = "registration")
public class Registration {

    public static final int JOB_TITLE_MAX = 150;
    public static final int NEEDS_MAX = 500;
    public static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "organisation_id")
    private Long organisationId;

    /*
     * Registration's own copy of what the organisers' list shows, searches, sorts and counts, so its queries name
     * only its own table (a module owns its data): written on registering and on each change of the registration,
     * kept current from account's AccountChanged (RegistrationParticipantCopy).
     */
    @Size(max = 120)
    @Column(name = "participant_name", nullable = false, length = 120)
    private String participantName = "";

    @Size(max = 254)
    @Column(name = "participant_email", nullable = false, length = 254)
    private String participantEmail = "";

    /** The account's country, else the organisation's: the country the edition counts this person for. */
    @Size(max = 2)
    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Size(max = 200)
    @Column(name = "organisation_name", length = 200)
    private String organisationName;

    @Size(max = JOB_TITLE_MAX, message = "{validation.too-long}")
    @Column(name = "job_title", nullable = false, length = JOB_TITLE_MAX)
    private String jobTitle;

    @Column(name = "arrival_on")
    private LocalDate arrivalOn;

    @Column(name = "departure_on")
    private LocalDate departureOn;

    /** Special-category data: organisers only. */
    @Size(max = NEEDS_MAX, message = "{validation.too-long}")
    @Column(name = "dietary_needs", length = NEEDS_MAX)
    private String dietaryNeeds;

    /** Special-category data: organisers only. */
    @Size(max = NEEDS_MAX, message = "{validation.too-long}")
    @Column(name = "accessibility_needs", length = NEEDS_MAX)
    private String accessibilityNeeds;

    @Column(name = "visa_letter", nullable = false)
    private boolean visaLetter;

    @Column(name = "consent_at", nullable = false)
    private Instant consentAt;

    @Size(max = 20)
    @Column(name = "consent_version", nullable = false, length = 20)
    private String consentVersion;

    @Column(name = "list_opt_in", nullable = false)
    private boolean listOptIn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RegistrationStatus status;

    @Column(name = "waitlist_position")
    private Integer waitlistPosition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Size(max = REASON_MAX, message = "{validation.too-long}")
    @Column(name = "cancel_reason", length = REASON_MAX)
    private String cancelReason;

    @Version
    private long version;

    protected Registration() {
    }

    Registration(long editionId, long accountId, Instant now) {
        this.editionId = editionId;
        this.accountId = accountId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void fill(RegistrationRequest r, Long organisationId, Instant now) {
        if (r.getJobTitle() == null || r.getJobTitle().isBlank() || r.getJobTitle().strip().length() > JOB_TITLE_MAX) {
            throw new IllegalArgumentException("job title must be 1.." + JOB_TITLE_MAX + " characters");
        }
        if (r.getArrivalOn() != null && r.getDepartureOn() != null && r.getDepartureOn().isBefore(r.getArrivalOn())) {
            throw new IllegalArgumentException("departure before arrival");
        }
        this.organisationId = organisationId;
        this.jobTitle = r.getJobTitle().strip();
        this.arrivalOn = r.getArrivalOn();
        this.departureOn = r.getDepartureOn();
        this.dietaryNeeds = optional(r.getDietaryNeeds());
        this.accessibilityNeeds = optional(r.getAccessibilityNeeds());
        this.visaLetter = r.isVisaLetter();
        this.listOptIn = r.isListOptIn();
        this.updatedAt = now;
    }

    /**
     * The person and organisation as the lists show them (see the fields); the country counted is the account's,
     * else the organisation's.
     */
    void describe(String participantName, String participantEmail, String accountCountry, String organisationCountry,
                  String organisationName) {
        this.participantName = Objects.requireNonNull(participantName);
        this.participantEmail = Objects.requireNonNull(participantEmail);
        this.countryCode = accountCountry != null ? accountCountry : organisationCountry;
        this.organisationName = organisationName;
    }

    void consent(Instant at, String noticeVersion) {
        this.consentAt = Objects.requireNonNull(at);
        this.consentVersion = Objects.requireNonNull(noticeVersion);
    }

    void confirm(Instant now) {
        if (status == RegistrationStatus.CONFIRMED) {
            throw new IllegalStateException("already confirmed");
        }
        this.status = RegistrationStatus.CONFIRMED;
        this.waitlistPosition = null;
        this.confirmedAt = now;
        this.cancelledAt = null;
        this.cancelReason = null;
        this.updatedAt = now;
    }

    void waitlist(int position, Instant now) {
        if (position < 1) throw new IllegalArgumentException("position < 1");
        this.status = RegistrationStatus.WAITLISTED;
        this.waitlistPosition = position;
        this.confirmedAt = null;
        this.cancelledAt = null;
        this.cancelReason = null;
        this.updatedAt = now;
    }

    void moveTo(int position) {
        if (status != RegistrationStatus.WAITLISTED || position < 1) throw new IllegalStateException("not waiting");
        this.waitlistPosition = position;
    }

    void cancel(Instant now, String reason) {
        if (status == RegistrationStatus.CANCELLED) {
            throw new IllegalStateException("already cancelled");
        }
        this.status = RegistrationStatus.CANCELLED;
        this.waitlistPosition = null;
        this.cancelledAt = now;
        this.cancelReason = reason;
        this.updatedAt = now;
    }

    /** Retention: erases the special-category fields; returns whether there was anything to erase. */
    boolean eraseSpecialCategory() {
        boolean had = dietaryNeeds != null || accessibilityNeeds != null;
        this.dietaryNeeds = null;
        this.accessibilityNeeds = null;
        return had;
    }

    /** Retention or erasure: erases the details; status, edition, organisation and consent stay so counts stay right. */
    void eraseDetails() {
        eraseSpecialCategory();
        this.jobTitle = "";
        this.arrivalOn = null;
        this.departureOn = null;
        this.cancelReason = null;
        this.visaLetter = false;
    }

    /** Erasure: the person no longer appears on any participant list. */
    void leaveParticipantList() {
        this.listOptIn = false;
    }

    private static String optional(String s) {
        if (s == null || s.isBlank()) return null;
        String v = s.strip();
        if (v.length() > NEEDS_MAX) throw new IllegalArgumentException("too long");
        return v;
    }

    /** The id the database gave a registration inserted in plain SQL ({@link NewRegistrations#insert}). */
    void insertedAs(long id) {
        if (this.id != null) throw new IllegalStateException("already inserted");
        this.id = id;
    }

    public Long getId() { return id; }
    public long getEditionId() { return editionId; }
    public long getAccountId() { return accountId; }
    public Long getOrganisationId() { return organisationId; }
    public String getJobTitle() { return jobTitle; }
    public LocalDate getArrivalOn() { return arrivalOn; }
    public LocalDate getDepartureOn() { return departureOn; }
    public String getDietaryNeeds() { return dietaryNeeds; }
    public String getAccessibilityNeeds() { return accessibilityNeeds; }
    public boolean isVisaLetter() { return visaLetter; }
    public boolean isListOptIn() { return listOptIn; }
    public RegistrationStatus getStatus() { return status; }
    public Integer getWaitlistPosition() { return waitlistPosition; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
    String getParticipantName() { return participantName; }
    String getParticipantEmail() { return participantEmail; }
    String getCountryCode() { return countryCode; }
    String getOrganisationName() { return organisationName; }

    // For the person's own "my data" download (RegistrationPersonalData) only.
    Instant getConsentAt() { return consentAt; }
    String getConsentVersion() { return consentVersion; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getConfirmedAt() { return confirmedAt; }
    Instant getCancelledAt() { return cancelledAt; }
    String getCancelReason() { return cancelReason; }
}
