package org.ngoplatform.registration;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.util.Strings;
import org.ngoplatform.edition.EditionSummary;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An RFC 5545 calendar with one event, built with ical4j: TEXT values escaped, the edition's VTIMEZONE from
 * ical4j's time-zone registry and times given with its TZID; CRLF line ends. The UID is stable per registration,
 * so re-importing updates the same event.
 *
 * <p>Folding stays here ({@link #line}): ical4j's {@code FoldingWriter} counts UTF-16 characters (73 per line),
 * so a line of Cyrillic or accented text comes out up to twice the 75 octets RFC 5545 3.1 allows; this folds at
 * 75 octets and never inside a UTF-8 sequence.
 */
final class IcsCalendar {

    static final LocalTime DAY_START = LocalTime.of(9, 0);
    static final LocalTime DAY_END = LocalTime.of(18, 0);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsCalendar() {
    }

    static String uid(long registrationId) {
        return "registration-" + registrationId + "@ngo-platform";
    }

    static String event(long registrationId, EditionSummary edition, String summary, String url, Instant now) {
        Calendar calendar = build(registrationId, edition, summary, url, now);
        var out = new StringBuilder();
        for (String content : calendar.toString().split("\r\n")) {
            line(out, content);
        }
        return out.toString();
    }

    /** The calendar as ical4j's model (unfolded), for {@link #event} and for validation. */
    static Calendar build(long registrationId, EditionSummary edition, String summary, String url, Instant now) {
        ZoneId zone = ZoneId.of(edition.timeZone());
        LocalDateTime start = edition.startsOn().atTime(DAY_START);
        LocalDateTime end = (edition.endsOn() == null ? edition.startsOn() : edition.endsOn()).atTime(DAY_END);
        String location = edition.venue() == null ? edition.city() : edition.venue() + ", " + edition.city();
        String description = edition.description() == null ? url : edition.description() + "\n" + url;

        VEvent event = new VEvent(false);
        event.add(new Uid(uid(registrationId)));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(start).add(new TzId(zone.getId())));
        event.add(new DtEnd<>(end).add(new TzId(zone.getId())));
        event.add(new Summary(lineBreaks(summary)));
        event.add(new Location(lineBreaks(location)));
        event.add(new Description(lineBreaks(description)));
        event.add(new Url(URI.create(url)));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);

        Calendar calendar = new Calendar();
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new ProdId("-//NGO Platform//Registration//EN"));
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(timezone(zone, start));
        calendar.add(event);
        return calendar;
    }

    /** ical4j's definition of the zone; a fixed offset for a zone it does not know. */
    private static VTimeZone timezone(ZoneId zone, LocalDateTime start) {
        TimeZone known = ZONES.getTimeZone(zone.getId());
        if (known != null) {
            return known.getVTimeZone();
        }
        ZoneOffset offset = zone.getRules().getOffset(start.atZone(zone).toInstant());
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(offset));
        standard.add(new TzOffsetTo(offset));
        VTimeZone vtimezone = new VTimeZone();
        vtimezone.add(new net.fortuna.ical4j.model.property.TzId(zone.getId()));
        vtimezone.add(standard);
        return vtimezone;
    }

    /** A lone carriage return is a line break too (ical4j escapes only CRLF and LF). */
    private static String lineBreaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** RFC 5545 3.3.11 (ical4j): backslash, semicolon, comma and newlines. */
    static String escape(String text) {
        return Strings.escape(lineBreaks(text));
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
