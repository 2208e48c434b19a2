package org.ngoplatform.registration;

/** An .ics file ready to download. */
public record CalendarFile(String fileName, String content) {
}
