package org.ngoplatform.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Locale;

import org.ngoplatform.base.RejectedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.ngoplatform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Member organisations. Anyone may pick from the approved list; a name nobody knows yet is kept as
 * "pending review" until an organiser approves it.
 */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<OrganisationRef> approved() {
        return organisations.findByStatusOrderByNameAsc(Organisation.Status.APPROVED).stream().map(OrganisationRef::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationRef> find(long id) {
        return organisations.findById(id).map(OrganisationRef::of);
    }

    @Transactional(readOnly = true)
    public Map<Long, OrganisationRef> findAll(Collection<Long> ids) {
        return organisations.findAllById(ids).stream().map(OrganisationRef::of)
                .collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
    }

    /** The organisation with this name in any case, if it is known (approved or pending review). */
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        // Plain SQL, the statement of OrganisationRepository.findByLowerName: every registration asks it, and through
        // Hibernate it was the largest single cost of a registration (15 % of the samples after the query's
        // re-translation was fixed, docs/performance.md "Registration", issue 15 §2). Same lowering in Java.
        return jdbc.sql("SELECT id, name, country_code, status FROM organisation WHERE lower(name) = ?")
                .param(name.strip().toLowerCase(Locale.ROOT))
                .query((rs, row) -> new OrganisationRef(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Organisation.Status.valueOf(rs.getString(4)) == Organisation.Status.APPROVED))
                .optional();
    }

    /**
     * The organisation with this name, or a new one pending review. Called during sign-up, so open to
     * anonymous callers; the name is validated and only ever creates a pending entry.
     */
    @Transactional
    public OrganisationRef findOrPropose(String name, String countryCode) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("organisation name required");
        }
        return organisations.findByNameIgnoreCase(name.strip())
                .map(OrganisationRef::of)
                .orElseGet(() -> OrganisationRef.of(organisations.save(
                        new Organisation(name, countryCode, Organisation.Status.PENDING_REVIEW, clock.instant()))));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<OrganisationRef> all() {
        return organisations.findAllByOrderByStatusDescNameAsc().stream().map(OrganisationRef::of).toList();
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public OrganisationRef create(String name, String countryCode) {
        if (name == null || name.isBlank()) {
            throw new RejectedException("name", "validation.required");
        }
        if (name.strip().length() > Organisation.NAME_MAX) {
            throw new RejectedException("name", "validation.too-long");
        }
        if (org.ngoplatform.base.SingleLineText.hasForbiddenCharacters(name)) {
            throw new RejectedException("name", org.ngoplatform.base.SingleLineText.MESSAGE_KEY);
        }
        if (organisations.findByNameIgnoreCase(name.strip()).isPresent()) {
            throw new IllegalArgumentException("duplicate");
        }
        Organisation created = organisations.save(new Organisation(name, countryCode, Organisation.Status.APPROVED, clock.instant()));
        audit.record("ORGANISATION_CREATED", "organisation:" + created.getId(), created.getName());
        return OrganisationRef.of(created);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public void approve(long id) {
        Organisation o = organisations.findById(id).orElseThrow();
        o.approve();
        audit.record("ORGANISATION_APPROVED", "organisation:" + id, o.getName());
    }
}
