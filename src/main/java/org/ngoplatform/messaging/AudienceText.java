package org.ngoplatform.messaging;

import org.ngoplatform.registration.RegistrationStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kept message's audience as stored ({@code messaging_message.audience}): one {@code key=value} line per criterion
 * ({@code statuses}, {@code group} with the group's title at sending, {@code country}, {@code organisation},
 * {@code visa}), so a screen can put it in the reader's language; at most 500 characters (long names are cut).
 */
public final class AudienceText {

    static final int MAX = 500;

    private AudienceText() {
    }

    static String encode(AudienceFilter filter, String groupTitle) {
        List<String> lines = new ArrayList<>();
        lines.add("statuses=" + filter.statuses().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        if (groupTitle != null) lines.add("group=" + oneLine(groupTitle, 150));
        if (filter.countryCode() != null) lines.add("country=" + filter.countryCode().toUpperCase(java.util.Locale.ROOT));
        if (filter.organisation() != null) lines.add("organisation=" + oneLine(filter.organisation(), 200));
        if (filter.visaLetterOnly()) lines.add("visa=yes");
        String text = String.join("\n", lines);
        return text.length() <= MAX ? text : text.substring(0, MAX);
    }

    /** For automatic mails: the statuses they go to. */
    static String of(RegistrationStatus status) {
        return "statuses=" + status.name();
    }

    /** The criteria of a stored audience by key, in their order. */
    public static Map<String, String> decode(String stored) {
        Map<String, String> criteria = new LinkedHashMap<>();
        if (stored == null) return criteria;
        for (String line : stored.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) criteria.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return criteria;
    }

    private static String oneLine(String s, int max) {
        String flat = s.replaceAll("[\\r\\n]+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max);
    }
}
