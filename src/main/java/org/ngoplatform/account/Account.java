package org.ngoplatform.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import jakarta.persistence.Version;
import org.ngoplatform.base.Countries;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

@Entity
@Table(name = "account")
public class Account {

    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Size(max = EMAIL_MAX, message = "{validation.too-long}")
    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    @Size(max = NAME_MAX, message = "{validation.too-long}")
    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    @Size(max = 255)
    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Size(max = 2)
    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "privacy_consent_at", nullable = false)
    private Instant privacyConsentAt;

    @Size(max = 20)
    @Column(name = "privacy_notice_version", nullable = false, length = 20)
    private String privacyNoticeVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "one_time_password_until")
    private Instant oneTimePasswordUntil;

    @Size(max = 10)
    @Column(name = "preferred_language", length = 10)
    private String preferredLanguage;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, Long organisationId, String countryCode,
                   Instant consentAt, String noticeVersion, Instant createdAt) {
        this.email = normaliseEmail(email);
        rename(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.organisationId = organisationId;
        changeCountry(countryCode);
        this.privacyConsentAt = Objects.requireNonNull(consentAt, "consent time");
        this.privacyNoticeVersion = Objects.requireNonNull(noticeVersion, "notice version");
        this.createdAt = Objects.requireNonNull(createdAt);
        this.enabled = true;
        this.roles.add(Role.PARTICIPANT);
    }

    public static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("email required");
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > EMAIL_MAX || !normalised.contains("@")) {
            throw new IllegalArgumentException("invalid email");
        }
        return normalised;
    }

    void rename(String name) {
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
            throw new IllegalArgumentException("display name must be 1.." + NAME_MAX + " characters");
        }
        if (org.ngoplatform.base.SingleLineText.hasForbiddenCharacters(name)) {
            throw new IllegalArgumentException("display name holds control or text-direction characters");
        }
        this.displayName = name.strip();
    }

    void changeCountry(String code) {
        if (code != null && !Countries.isValid(code)) {
            throw new IllegalArgumentException("unknown country " + code);
        }
        this.countryCode = code;
    }

    void replaceRoles(Set<Role> newRoles) {
        if (newRoles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    void changePasswordHash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
        this.oneTimePasswordUntil = null;
    }

    /** The current password signs in only until {@code until}, and only once (see {@link #passwordUsableAt}). */
    void makePasswordOneTime(Instant until) {
        this.oneTimePasswordUntil = Objects.requireNonNull(until);
    }

    /** False once a one-time password has been used or has expired; an ordinary password never expires. */
    boolean passwordUsableAt(Instant now) {
        return oneTimePasswordUntil == null || now.isBefore(oneTimePasswordUntil);
    }

    /** True while the password is a one-time password (used or not): its owner must choose a new one. */
    boolean hasOneTimePassword() {
        return oneTimePasswordUntil != null;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void changeOrganisation(Long organisationId) {
        this.organisationId = organisationId;
    }

    void changePreferredLanguage(String language) {
        this.preferredLanguage = language;
    }

    /**
     * Erases the person: the email becomes a placeholder that frees the address, the name a stand-in, no login,
     * no roles, no organisation or language. The country stays (it carries no identity on its own and keeps
     * counts per country right); so do the consent record and creation time.
     */
    void erase(String placeholderEmail, String standInName) {
        this.email = normaliseEmail(placeholderEmail);
        rename(standInName);
        this.passwordHash = "!erased";
        this.enabled = false;
        this.organisationId = null;
        this.preferredLanguage = null;
        this.lastLoginAt = null;
        this.roles.clear();
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    public Long getOrganisationId() { return organisationId; }
    public String getCountryCode() { return countryCode; }
    public boolean isEnabled() { return enabled; }
    public Instant getPrivacyConsentAt() { return privacyConsentAt; }
    public String getPrivacyNoticeVersion() { return privacyNoticeVersion; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public String getPreferredLanguage() { return preferredLanguage; }
    public Set<Role> getRoles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
    public boolean hasRole(Role role) { return roles.contains(role); }
    public long getVersion() { return version; }
}
