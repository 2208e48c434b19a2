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
    private final ProgrammeService programmes;

    ProgrammeFixtures(EditionFixtures editions, EditionService editionService, ProgrammeService programmes) {
        this.editions = editions;
        this.editionService = editionService;
        this.programmes = programmes;
    }

    /** An edition in Europe/Vienna from {@code first} to {@code last}; OPEN (public) or left a DRAFT. */
    public EditionSummary vienna(LocalDate first, LocalDate last, boolean open) {
        return vienna(null, first, last, open);
    }

    /** As {@link #vienna(LocalDate, LocalDate, boolean)}, with a city of one's choice (null: a unique test name). */
    public EditionSummary vienna(String city, LocalDate first, LocalDate last, boolean open) {
        return editions.asOrganiser(() -> {
            var form = EditionFixtures.form(30, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
            if (city != null) {
                form.setCity(city);
                form.setCountryCode("AT");
                form.setVenue("Vienna International Centre");
            }
            form.setTimeZone("Europe/Vienna");
            form.setStartsOn(first);
            form.setEndsOn(last);
            EditionSummary e = editionService.create(form);
            return open ? editionService.changeStatus(e.id(), EditionStatus.OPEN) : e;
        });
    }

    /** Adds a session as an organiser (test data for pages and journeys). */
    public SessionSummary add(long editionId, SessionForm form) {
        return editions.asOrganiser(() -> programmes.add(editionId, form));
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
