package org.ngoplatform.workshop;

import java.time.LocalDate;
import java.util.List;

/** A joint action as the report shows it. */
public record JointActionSummary(long id, long editionId, String title, String description, LocalDate date,
                                 long leadOrganisationId, String leadOrganisationName, List<Long> supporterIds,
                                 List<String> supporterNames, JointActionStatus status, List<OutcomeEntrySummary> sources,
                                 long version) {
}
