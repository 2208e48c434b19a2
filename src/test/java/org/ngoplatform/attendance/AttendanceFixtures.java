package org.ngoplatform.attendance;

import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An open edition (three days, no programme) with confirmed participants, for attendance's tests. */
@Component
class AttendanceFixtures {

    private final EditionFixtures editions;
    private final AccountFixtures accounts;
    private final RegistrationService registrations;
    private final WorkshopService workshops;

    AttendanceFixtures(EditionFixtures editions, AccountFixtures accounts, RegistrationService registrations,
                       WorkshopService workshops) {
        this.editions = editions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.workshops = workshops;
    }

    record Confirmed(EditionSummary edition, List<AccountPrincipal> people) {
        CheckInPoint firstDay() {
            return CheckInPoint.ofDay(edition.startsOn());
        }
    }

    /** An edition with {@code n} confirmed participants, each registered with the given organisations in turn. */
    Confirmed edition(int n, String... organisations) {
        EditionSummary edition = editions.open(n + 5);
        List<AccountPrincipal> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
            registrations.register(edition.id(), EditionFixtures.request(organisations[i % organisations.length], "Lawyer"));
            people.add(p);
        }
        AccountFixtures.signOut();
        return new Confirmed(edition, people);
    }

    /** A facilitator of a workshop group of the edition. */
    AccountPrincipal facilitatorOf(long editionId) {
        AccountPrincipal facilitator = accounts.create(Role.FACILITATOR);
        editions.asOrganiser(() -> {
            var form = new GroupForm();
            form.setTitle("Check-in helpers " + UUID.randomUUID().toString().substring(0, 6));
            return workshops.addFacilitator(workshops.createGroup(editionId, form).id(), facilitator.accountId());
        });
        return facilitator;
    }
}
