package org.ngoplatform.visaletter;

/** An edition's letter template; {@code saved} false: nothing kept yet, {@code body} is the suggested text. */
public record VisaLetterTemplateSummary(long editionId, String body, String language, boolean saved) {
}
