/**
 * Surveys: design (builder, versions), respond (respondent flow, anonymity), results (suppression, workbook).
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "export", "export :: ui", "privacy"})
package org.ngoplatform.survey;
