/**
 * Messaging: organisers' messages to an edition's registrants (audience computed on the server from a filter,
 * previewed, sent through the outbox, kept with counts of sent and failed mails), automatic reminders before an
 * edition and to its waiting list when registration closes, and invitations to register (optionally the only way in).
 * Registrants and the calendar a reminder carries come from registration's {@code Registrants}, groups from workshop's
 * {@code MembershipService}; who asked for a visa letter through {@link
 * org.ngoplatform.messaging.VisaLetterRequests}, which the visa-letter feature implements. Registration asks the
 * invitation gate through its {@code RegistrationAdmission}.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition", "mail",
        "privacy", "registration", "workshop"})
package org.ngoplatform.messaging;
