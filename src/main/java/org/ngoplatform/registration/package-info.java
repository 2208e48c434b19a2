/**
 * Registration with capacity and waiting list, organisers' lists, the participant workbook, .ics (the programme's
 * {@code .ics} through {@code ProgrammeService} on the mails that give a seat).
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition", "export", "export :: ui", "mail", "organisation", "privacy", "programme"})
package org.ngoplatform.registration;
