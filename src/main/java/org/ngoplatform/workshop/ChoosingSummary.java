package org.ngoplatform.workshop;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Choosing of one workshop slot as pages show it: the slot, the deadline (an instant, shown in the edition's zone,
 * named), the published seed that breaks ties of the allocation, and when the allocation was published (null: not).
 */
public record ChoosingSummary(GroupSlot slot, long editionId, Instant closesAt, Instant openedAt, long seed,
                              Instant publishedAt) {

    static ChoosingSummary of(Choosing c, GroupSlot slot) {
        return new ChoosingSummary(slot, c.getEditionId(), c.getClosesAt(), c.getOpenedAt(), c.getSeed(), c.getPublishedAt());
    }

    public long sessionId() {
        return slot.sessionId();
    }

    public boolean published() {
        return publishedAt != null;
    }

    /** Participants may rank (or change their ranking) at {@code now}. */
    public boolean acceptsRankings(Instant now) {
        return publishedAt == null && now.isBefore(closesAt);
    }

    /** The deadline in the edition's zone, as the organiser entered it. */
    public LocalDateTime closesLocal() {
        return LocalDateTime.ofInstant(closesAt, slot.zone());
    }

    /** "26 Mar 2027, 18:00 (Europe/Vienna)". */
    public String closes(Locale locale) {
        ZonedDateTime at = closesAt.atZone(slot.zone());
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(at)
                + " (" + slot.zone().getId() + ")";
    }
}
