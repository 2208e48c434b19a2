/**
 * Visa invitation letters: a participant with a confirmed or waiting registration gives the details a letter needs
 * (name as in the passport, nationality, passport number, date of birth, consulate city); organisers write the
 * edition's letter template once, issue letters one by one or for all who asked, as {@code .docx} through
 * {@code base.WordDocument}; the participant downloads theirs. The details are handled like special-category data:
 * organisers only, never in the participant workbook, deleted with the edition's first retention step, with the
 * account and when the registration is cancelled. Registration's API says whose registration is active; messaging's
 * audience filter "asked for a visa letter" asks through its {@code VisaLetterRequests}, which this module implements.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition",
        "messaging", "privacy", "registration"})
package org.ngoplatform.visaletter;
