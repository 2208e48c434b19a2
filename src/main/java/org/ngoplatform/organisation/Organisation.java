package org.ngoplatform.organisation;

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
import org.ngoplatform.base.Countries;

import java.time.Instant;

@Entity
@Table(name = "organisation")
public class Organisation {

    public static final int NAME_MAX = 200;

    public enum Status { APPROVED, PENDING_REVIEW }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Size(max = NAME_MAX, message = "{validation.too-long}")
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Size(max = 2)
    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    Organisation(String name, String countryCode, Status status, Instant createdAt) {
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
            throw new IllegalArgumentException("organisation name must be 1.." + NAME_MAX + " characters");
        }
        if (org.ngoplatform.base.SingleLineText.hasForbiddenCharacters(name)) {
            throw new IllegalArgumentException("organisation name holds control or text-direction characters");
        }
        if (!Countries.isValid(countryCode)) {
            throw new IllegalArgumentException("unknown country " + countryCode);
        }
        this.name = name.strip();
        this.countryCode = countryCode;
        this.status = status;
        this.createdAt = createdAt;
    }

    void approve() {
        this.status = Status.APPROVED;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getCountryCode() { return countryCode; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
