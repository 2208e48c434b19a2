/**
 * Surveys: design (builder, versions), respond (respondent flow, anonymity), results (suppression, workbook).
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition", "export", "export :: ui", "mail", "privacy", "registration"})
package org.ngoplatform.survey;
