package org.ngoplatform.messaging;

import org.ngoplatform.registration.RegistrantSummary;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule of who a filter reaches (used for the count, the preview and the send): registrants whose status is
 * chosen and who match every other criterion given; each address once (the first registration of it).
 */
public final class Audience {

    private Audience() {
    }

    /**
     * @param groupMembers account ids of the chosen group's members (ignored when the filter names no group)
     * @param visaAsked    account ids of those who asked for a visa letter (ignored unless the filter asks for them)
     */
    public static List<RegistrantSummary> select(Collection<RegistrantSummary> registrants, AudienceFilter filter,
                                                 Set<Long> groupMembers, Set<Long> visaAsked) {
        Map<String, RegistrantSummary> byAddress = new LinkedHashMap<>();
        for (RegistrantSummary r : registrants) {
            if (!filter.statuses().contains(r.status())
                    || (filter.groupId() != null && !groupMembers.contains(r.accountId()))
                    || (filter.countryCode() != null && !filter.countryCode().equalsIgnoreCase(r.countryCode()))
                    || (filter.organisation() != null && !filter.organisation().equalsIgnoreCase(r.organisation() == null ? "" : r.organisation().strip()))
                    || (filter.visaLetterOnly() && !visaAsked.contains(r.accountId()))
                    || r.email() == null || r.email().isBlank()) {
                continue;
            }
            byAddress.putIfAbsent(r.email().strip().toLowerCase(Locale.ROOT), r);
        }
        return List.copyOf(byAddress.values());
    }
}
