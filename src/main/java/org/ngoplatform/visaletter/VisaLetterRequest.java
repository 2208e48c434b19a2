package org.ngoplatform.visaletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.ngoplatform.base.EntityText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A participant's request for a visa letter at an edition, with the details it needs (special-category grade). */
@Entity
@Table(name = "visa_letter_request")
class VisaLetterRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Size(max = VisaLetterRules.NAME_MAX)
    @Column(name = "full_name", nullable = false, length = VisaLetterRules.NAME_MAX)
    private String fullName;

    @Size(max = VisaLetterRules.NATIONALITY_MAX)
    @Column(nullable = false, length = VisaLetterRules.NATIONALITY_MAX)
    private String nationality;

    @Size(max = VisaLetterRules.PASSPORT_MAX)
    @Column(name = "passport_number", nullable = false, length = VisaLetterRules.PASSPORT_MAX)
    private String passportNumber;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Size(max = VisaLetterRules.CITY_MAX)
    @Column(name = "consulate_city", nullable = false, length = VisaLetterRules.CITY_MAX)
    private String consulateCity;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Size(max = VisaLetterRules.LETTER_MAX)
    @Column(name = "issued_text", columnDefinition = "text")
    private String issuedText;

    @Column(name = "reissue_needed", nullable = false)
    private boolean reissueNeeded;

    @Version
    private long version;

    protected VisaLetterRequest() {
    }

    VisaLetterRequest(long editionId, long accountId, VisaDetailsForm details, Instant now) {
        this.editionId = editionId;
        this.accountId = accountId;
        this.requestedAt = now;
        apply(details, now);
    }

    /** Takes the details; true when they differ from those held (an issued letter then needs issuing again). */
    boolean apply(VisaDetailsForm d, Instant now) {
        String name = EntityText.required(d.getFullName(), VisaLetterRules.NAME_MAX, "full name");
        String nat = EntityText.required(d.getNationality(), VisaLetterRules.NATIONALITY_MAX, "nationality");
        String passport = EntityText.required(d.getPassportNumber(), VisaLetterRules.PASSPORT_MAX, "passport number");
        String city = EntityText.required(d.getConsulateCity(), VisaLetterRules.CITY_MAX, "consulate city");
        LocalDate born = Objects.requireNonNull(d.getDateOfBirth(), "date of birth");
        boolean changed = !(name.equals(fullName) && nat.equals(nationality) && passport.equals(passportNumber)
                && born.equals(dateOfBirth) && city.equals(consulateCity));
        if (changed) {
            fullName = name;
            nationality = nat;
            passportNumber = passport;
            dateOfBirth = born;
            consulateCity = city;
            changedAt = now;
            if (issuedAt != null) {
                reissueNeeded = true;
            }
        }
        return changed;
    }

    void issue(String letter, Instant now) {
        if (letter.length() > VisaLetterRules.LETTER_MAX) {
            throw new IllegalArgumentException("letter longer than " + VisaLetterRules.LETTER_MAX);
        }
        issuedText = letter;
        issuedAt = now;
        reissueNeeded = false;
    }

    VisaLetterStatus status() {
        return issuedAt == null ? VisaLetterStatus.REQUESTED
                : reissueNeeded ? VisaLetterStatus.REISSUE_NEEDED : VisaLetterStatus.ISSUED;
    }

    VisaDetailsForm details() {
        return VisaDetailsForm.of(fullName, nationality, passportNumber, dateOfBirth, consulateCity);
    }

    Long getId() { return id; }
    long getEditionId() { return editionId; }
    long getAccountId() { return accountId; }
    String getFullName() { return fullName; }
    String getNationality() { return nationality; }
    String getPassportNumber() { return passportNumber; }
    LocalDate getDateOfBirth() { return dateOfBirth; }
    String getConsulateCity() { return consulateCity; }
    Instant getRequestedAt() { return requestedAt; }
    Instant getChangedAt() { return changedAt; }
    Instant getIssuedAt() { return issuedAt; }
    String getIssuedText() { return issuedText; }
}
