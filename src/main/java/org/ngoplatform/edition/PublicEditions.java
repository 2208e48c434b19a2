package org.ngoplatform.edition;

import java.util.List;

/**
 * The editions anyone may see, as the home page lists them: open and closed editions that have not ended, soonest
 * first; and every public edition (open, closed, archived) that has ended, newest first.
 */
public record PublicEditions(List<EditionSummary> upcoming, List<EditionSummary> past) {
}
