/**
 * Attendance at an edition: per day (or per programme session, where the edition has a programme) a check-in list
 * for the door, marks stored with who and when, followed live by every open list; the donor's attendance workbook
 * and a printable sign-in sheet. Confirmed participants come from registration's API, sessions from programme's,
 * the facilitators an organiser may let check people in from workshop's.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition", "export",
        "export :: ui", "privacy", "programme", "registration", "workshop"})
package org.ngoplatform.attendance;
