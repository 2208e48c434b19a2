package org.ngoplatform.workshop;

import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;

import java.util.UUID;

/** Fresh groups with their own facilitators on the seeded 2013 edition, so tests never share state. */
class WorkshopTestSupport {

    final AccountFixtures fixtures;
    final WorkshopService workshops;
    final EditionService editions;

    WorkshopTestSupport(AccountFixtures fixtures, WorkshopService workshops, EditionService editions) {
        this.fixtures = fixtures;
        this.workshops = workshops;
        this.editions = editions;
    }

    long edition2013() {
        return editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
    }

    /** A new draft group with one facilitator; leaves the organiser signed in. */
    Fixture group() {
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        GroupForm form = new GroupForm();
        form.setTitle("Group " + UUID.randomUUID().toString().substring(0, 8));
        form.setSessionSlot("Day 1 morning");
        form.setRoom("Room A");
        form.setCapacity(20);
        WorkshopGroupSummary g = workshops.createGroup(edition2013(), form);
        workshops.addFacilitator(g.id(), facilitator.accountId());
        return new Fixture(g.id(), organiser, facilitator);
    }

    record Fixture(long groupId, AccountPrincipal organiser, AccountPrincipal facilitator) {
    }
}
