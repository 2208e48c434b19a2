package org.ngoplatform.programme;

/** An {@code .ics} file of a programme or of one session, ready to download. */
public record ProgrammeCalendarFile(String fileName, String content) {
}
