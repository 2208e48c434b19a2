package org.ngoplatform.attendance;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.Programme;
import org.ngoplatform.programme.ProgrammeService;
import org.springframework.stereotype.Component;

import java.util.List;

/** Finds an edition and its check-in points ({@link CheckInPoints}) for this module's services; callers check access. */
@Component
class EditionPoints {

    private final EditionService editions;
    private final ProgrammeService programmes;

    EditionPoints(EditionService editions, ProgrammeService programmes) {
        this.editions = editions;
        this.programmes = programmes;
    }

    EditionSummary require(long editionId) {
        return editions.find(editionId).orElseThrow(() -> new AttendanceRejectedException("edition", "attendance.rejected.no-edition"));
    }

    List<CheckInPointSummary> of(long editionId) {
        EditionSummary edition = require(editionId);
        return CheckInPoints.of(edition, programmes.programme(editionId).map(Programme::sessions).orElse(List.of()));
    }
}
