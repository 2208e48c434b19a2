package org.ngoplatform.workshop;

import org.ngoplatform.edition.EditionSummary;

import java.util.List;

/** Approved outcomes of an edition by group, and its joint actions. */
public record EditionReport(EditionSummary edition, List<GroupOutcomes> groups, List<JointActionSummary> jointActions) {
}
