package org.ngoplatform.workshop;

import java.time.LocalDate;

/** An outcome entry as screens show it, without attribution. */
public record OutcomeEntrySummary(long id, long groupId, EntryType type, String text, Long ownerOrganisationId,
                                  String ownerOrganisationName, LocalDate dueDate, int position, long version) {
}
