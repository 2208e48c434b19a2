package org.ngoplatform.workshop;

import org.ngoplatform.EditionFixtures;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

/** A public edition with a workshop slot holding groups and open choosing, made through the services as views do. */
@Component
public class ChoosingFixtures {

    private final ProgrammeFixtures programmes;
    private final EditionFixtures editions;
    private final WorkshopService workshops;
    private final ChoosingService choosing;

    ChoosingFixtures(ProgrammeFixtures programmes, EditionFixtures editions, WorkshopService workshops,
                     ChoosingService choosing) {
        this.programmes = programmes;
        this.editions = editions;
        this.workshops = workshops;
        this.choosing = choosing;
    }

    /** An open edition, its slot and groups (capacities as given), choosing open for two days. */
    public OpenSlot openSlot(int... capacities) {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary slot = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                SPRING_SATURDAY.atTime(10, 0), SPRING_SATURDAY.atTime(12, 0)));
        return editions.asOrganiser(() -> {
            long[] groups = new long[capacities.length];
            for (int i = 0; i < capacities.length; i++) {
                GroupForm form = new GroupForm();
                form.setTitle("Group " + (char) ('A' + i) + " " + UUID.randomUUID().toString().substring(0, 4));
                form.setProgrammeSessionId(slot.id());
                form.setRoom("Room " + (i + 1));
                form.setCapacity(capacities[i]);
                groups[i] = workshops.createGroup(edition.id(), form).id();
            }
            choosing.open(slot.id(), ChoosingForm.closingAt(LocalDateTime.now(ZoneId.of("Europe/Vienna")).plusDays(2).withNano(0)));
            return new OpenSlot(edition, slot, groups);
        });
    }

    public record OpenSlot(EditionSummary edition, SessionSummary session, long[] groups) {
        public long sessionId() {
            return session.id();
        }
    }
}
