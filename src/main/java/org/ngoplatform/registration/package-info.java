/**
 * Registration with capacity and waiting list, organisers' lists, the participant workbook, .ics.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition", "export", "export :: ui", "mail", "organisation", "privacy"})
package org.ngoplatform.registration;
