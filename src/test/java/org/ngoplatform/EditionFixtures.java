package org.ngoplatform;

import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionForm;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/** Editions for tests of every module, created through the organiser's service like the admin view does. */
@Component
public class EditionFixtures {

    /** How the city of every edition these fixtures make begins (TestSupportConfiguration finds earlier runs' by it). */
    public static final String CITY_PREFIX = "Testville-";

    private final EditionService editions;
    private final AccountFixtures accounts;
    private AccountPrincipal organiser;

    EditionFixtures(EditionService editions, AccountFixtures accounts) {
        this.editions = editions;
        this.accounts = accounts;
    }

    /** An edition open for registration now, starting in 60 days for 3 days, in Europe/Tallinn. */
    public EditionSummary open(int capacity) {
        return open(capacity, false);
    }

    public EditionSummary open(int capacity, boolean listVisible) {
        return asOrganiser(() -> {
            EditionForm form = form(capacity, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
            form.setParticipantListVisible(listVisible);
            EditionSummary e = editions.create(form);
            return editions.changeStatus(e.id(), EditionStatus.OPEN);
        });
    }

    /** An OPEN edition whose registration window starts tomorrow. */
    public EditionSummary notYetOpen(int capacity) {
        return asOrganiser(() -> {
            EditionSummary e = editions.create(form(capacity, LocalDateTime.now().plusDays(1), LocalDateTime.now().plusDays(30)));
            return editions.changeStatus(e.id(), EditionStatus.OPEN);
        });
    }

    /** Moves the registration window of an edition into the past, so that registration has closed. */
    public EditionSummary closeWindow(long editionId) {
        return asOrganiser(() -> {
            EditionSummary e = editions.require(editionId);
            EditionForm form = EditionForm.of(e);
            form.setRegistrationOpensAt(LocalDateTime.now().minusDays(10));
            form.setRegistrationClosesAt(LocalDateTime.now().minusDays(1));
            return editions.update(editionId, form);
        });
    }

    /** Moves an edition into the past: it ended a week ago (its registrations stay as they are). */
    public EditionSummary moveToPast(long editionId) {
        return asOrganiser(() -> {
            EditionForm form = EditionForm.of(editions.require(editionId));
            form.setRegistrationOpensAt(LocalDateTime.now().minusDays(40));
            form.setRegistrationClosesAt(LocalDateTime.now().minusDays(20));
            form.setStartsOn(LocalDate.now().minusDays(10));
            form.setEndsOn(LocalDate.now().minusDays(8));
            return editions.update(editionId, form);
        });
    }

    public EditionSummary changeCapacity(long editionId, int capacity) {
        return asOrganiser(() -> {
            EditionForm form = EditionForm.of(editions.require(editionId));
            form.setCapacity(capacity);
            return editions.update(editionId, form);
        });
    }

    public static EditionForm form(int capacity, LocalDateTime opens, LocalDateTime closes) {
        var form = new EditionForm();
        form.setCity(CITY_PREFIX + UUID.randomUUID().toString().substring(0, 6));
        form.setCountryCode("EE");
        form.setVenue("Town Hall");
        form.setStartsOn(LocalDate.now().plusDays(60));
        form.setEndsOn(LocalDate.now().plusDays(62));
        form.setTimeZone("Europe/Tallinn");
        form.setCapacity(capacity);
        form.setRegistrationOpensAt(opens);
        form.setRegistrationClosesAt(closes);
        form.setDescription("Two days of workshops.");
        return form;
    }

    /** Runs as an organiser and restores whoever was signed in before. */
    public synchronized <T> T asOrganiser(Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            if (organiser == null) {
                organiser = accounts.create(Role.ORGANISER);
            }
            AccountFixtures.signIn(organiser);
            return action.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public static RegistrationRequest request(String organisation, String jobTitle) {
        var r = new RegistrationRequest();
        r.setOrganisationName(organisation);
        r.setJobTitle(jobTitle);
        r.setPrivacyConsent(true);
        return r;
    }
}
