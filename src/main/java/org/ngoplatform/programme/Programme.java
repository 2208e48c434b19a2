package org.ngoplatform.programme;

import org.ngoplatform.edition.EditionSummary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An edition's programme: the edition (its zone and days) and its sessions in order of time, cancelled ones left out. */
public record Programme(EditionSummary edition, List<SessionSummary> sessions) {

    public ZoneId zone() {
        return ZoneId.of(edition.timeZone());
    }

    public ProgrammeRules.Window window() {
        return ProgrammeRules.Window.of(edition);
    }

    /**
     * One entry per day of the edition (in its zone), each with the sessions starting that day; days without a
     * session are there too (empty), so an editor can add to them.
     */
    public Map<LocalDate, List<SessionSummary>> byDay() {
        Map<LocalDate, List<SessionSummary>> days = new LinkedHashMap<>();
        ProgrammeRules.Window w = window();
        if (w.hasDates()) {
            for (LocalDate d = w.firstDay(); !d.isAfter(w.lastDay()); d = d.plusDays(1)) {
                days.put(d, new ArrayList<>());
            }
        }
        ZoneId zone = zone();
        for (SessionSummary s : sessions) {
            days.computeIfAbsent(s.day(zone), d -> new ArrayList<>()).add(s);
        }
        return days;
    }
}
