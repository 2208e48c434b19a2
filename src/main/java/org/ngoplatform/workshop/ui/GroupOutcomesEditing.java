package org.ngoplatform.workshop.ui;

import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.workshop.OutcomeService;

import java.util.List;

/**
 * What the outcome forms of one group's page share: the service, the group, the organisations an entry may name,
 * {@code onTextChange} (typed text may have changed: the unsaved-text guard looks again) and {@code refresh}
 * (shows the group's outcomes anew).
 */
record GroupOutcomesEditing(OutcomeService outcomes, long groupId, List<OrganisationRef> organisations,
                            Runnable onTextChange, Runnable refresh) {
}
