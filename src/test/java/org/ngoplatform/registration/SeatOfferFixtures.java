package org.ngoplatform.registration;

import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Editions whose freed seats are offered, and open offers, for tests of every package (routes, journeys). */
@Component
public class SeatOfferFixtures {

    private final EditionFixtures editions;
    private final AccountFixtures accounts;
    private final RegistrationService registrations;
    private final SeatOfferService offers;

    SeatOfferFixtures(EditionFixtures editions, AccountFixtures accounts, RegistrationService registrations,
                      SeatOfferService offers) {
        this.editions = editions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.offers = offers;
    }

    /** An edition open for registration whose freed seats are offered for {@code hours}. */
    public EditionSummary withOffers(int capacity, int hours) {
        EditionSummary e = editions.open(capacity);
        editions.asOrganiser(() -> {
            offers.changeOfferWindow(e.id(), hours);
            return null;
        });
        return e;
    }

    /**
     * An open offer for whoever is signed in: an edition of one seat with a 48-hour window, someone else takes the
     * seat, the signed-in person waits, the other one cancels. Returns the offer's id; the caller stays signed in.
     */
    public long openOfferForCurrentUser() {
        EditionSummary edition = withOffers(1, 48);
        SecurityContext me = SecurityContextHolder.getContext();
        try {
            var other = accounts.signIn(Role.PARTICIPANT);
            MyRegistration seat = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
            SecurityContextHolder.setContext(me);
            registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
            AccountFixtures.signIn(other);
            registrations.cancel(seat.id());
        } finally {
            SecurityContextHolder.setContext(me);
        }
        return offers.mine().stream().filter(o -> o.edition().id() == edition.id()).findFirst().orElseThrow().id();
    }
}
