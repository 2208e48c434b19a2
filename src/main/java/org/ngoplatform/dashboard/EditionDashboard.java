package org.ngoplatform.dashboard;

import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationDay;
import org.ngoplatform.workshop.ChoosingProgress;

import java.time.ZoneId;
import java.util.List;

/** The figures of one upcoming edition and what needs doing for it; {@code choosing}: ranked choosing per workshop slot. */
public record EditionDashboard(EditionSummary edition, long confirmed, long waiting, long cancelled,
                               List<RegistrationDay> receivedPerDay, List<Share> byCountry,
                               List<Share> byOrganisation, List<GroupFill> groups, List<ToDo> toDos,
                               List<ChoosingProgress> choosing) {

    public ZoneId zone() {
        return ZoneId.of(edition.timeZone());
    }

    public Integer capacity() {
        return edition.capacity();
    }

    public long seatsLeft() {
        return capacity() == null ? 0 : Math.max(0, capacity() - confirmed);
    }
}
