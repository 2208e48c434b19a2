package org.ngoplatform.messaging.ui;

import com.vaadin.flow.component.Component;
import org.ngoplatform.base.Countries;
import org.ngoplatform.messaging.AudienceText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A kept message's audience in the reader's language ("Confirmed · Group: Identification · Country: Austria"). */
final class AudienceWords {

    private AudienceWords() {
    }

    static String of(String stored, Component in, java.util.Locale locale) {
        Map<String, String> criteria = AudienceText.decode(stored);
        List<String> parts = new ArrayList<>();
        String statuses = criteria.get("statuses");
        if (statuses != null && !statuses.isBlank()) {
            parts.add(String.join(", ", Arrays.stream(statuses.split(","))
                    .map(s -> in.getTranslation("registration.status." + s)).toList()));
        }
        if (criteria.containsKey("group")) parts.add(in.getTranslation("messaging.audience.group", criteria.get("group")));
        if (criteria.containsKey("country")) parts.add(in.getTranslation("messaging.audience.country",
                Countries.name(criteria.get("country"), locale)));
        if (criteria.containsKey("organisation")) parts.add(in.getTranslation("messaging.audience.organisation", criteria.get("organisation")));
        if (criteria.containsKey("visa")) parts.add(in.getTranslation("messaging.audience.visa"));
        return String.join(" · ", parts);
    }
}
