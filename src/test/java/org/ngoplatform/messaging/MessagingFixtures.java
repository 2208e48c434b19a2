package org.ngoplatform.messaging;

import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * An open edition with two seats and two workshop groups: Anna (confirmed, German mails, group A), Boris (confirmed,
 * asked for a visa letter, group B) and Chloé (waiting list). For messaging's tests and its journey.
 */
@Component
public class MessagingFixtures {

    private final EditionFixtures editions;
    private final AccountFixtures accounts;
    private final RegistrationService registrations;
    private final WorkshopService workshops;
    private final MembershipService memberships;
    private final JdbcClient jdbc;

    MessagingFixtures(EditionFixtures editions, AccountFixtures accounts, RegistrationService registrations,
                      WorkshopService workshops, MembershipService memberships, JdbcClient jdbc) {
        this.editions = editions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.workshops = workshops;
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    public record Registered(EditionSummary edition, long groupA, long groupB, AccountPrincipal anna, AccountPrincipal boris,
                             AccountPrincipal chloe) {
    }

    public Registered edition() {
        EditionSummary edition = editions.open(2);
        long groupA = group(edition.id(), "Identification A-" + UUID.randomUUID().toString().substring(0, 4));
        long groupB = group(edition.id(), "Referral B-" + UUID.randomUUID().toString().substring(0, 4));
        AccountPrincipal anna = register(edition.id(), "Anna's NGO", false);
        jdbc.sql("UPDATE account SET preferred_language = 'de' WHERE id = ?").param(anna.accountId()).update();
        memberships.join(groupA);
        AccountPrincipal boris = register(edition.id(), "La Strada", true);
        memberships.join(groupB);
        AccountPrincipal chloe = register(edition.id(), "La Strada", false);
        AccountFixtures.signOut();
        return new Registered(edition, groupA, groupB, anna, boris, chloe);
    }

    private AccountPrincipal register(long editionId, String organisation, boolean visa) {
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        RegistrationRequest request = EditionFixtures.request(organisation, "Social worker");
        request.setVisaLetter(visa);
        registrations.register(editionId, request);
        return p;
    }

    private long group(long editionId, String title) {
        return editions.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title);
            form.setSessionSlot("Day 1");
            return workshops.createGroup(editionId, form).id();
        });
    }

    public <T> T asOrganiser(java.util.function.Supplier<T> action) {
        return editions.asOrganiser(action);
    }
}
