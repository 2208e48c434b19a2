package org.ngoplatform.programme;

import org.ngoplatform.EditionFixtures;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Editions in Europe/Vienna over chosen days, and sessions for them, made through the services as the views do. */
@Component
public class ProgrammeFixtures {

    /** 2027: Vienna's clocks go forward on Sunday 28 March. */
    public static final LocalDate SPRING_SATURDAY = LocalDate.of(2027, 3, 27);
    public static final LocalDate SPRING_SUNDAY = LocalDate.of(2027, 3, 28);

    private final EditionFixtures editions;
    private final EditionService editionService;

    ProgrammeFixtures(EditionFixtures editions, EditionService editionService) {
        this.editions = editions;
        this.editionService = editionService;
    }

    /** An edition in Europe/Vienna from {@code first} to {@code last}; OPEN (public) or left a DRAFT. */
    public EditionSummary vienna(LocalDate first, LocalDate last, boolean open) {
        return editions.asOrganiser(() -> {
            var form = EditionFixtures.form(30, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
            form.setTimeZone("Europe/Vienna");
            form.setStartsOn(first);
            form.setEndsOn(last);
            EditionSummary e = editionService.create(form);
            return open ? editionService.changeStatus(e.id(), EditionStatus.OPEN) : e;
        });
    }

    public static SessionForm session(SessionKind kind, String title, String room, LocalDateTime start, LocalDateTime end) {
        var f = new SessionForm();
        f.setKind(kind);
        f.setTitle(title);
        f.setRoom(room);
        f.setStartsAt(start);
        f.setEndsAt(end);
        return f;
    }
}
