package org.ngoplatform.mail;

import java.util.Locale;

/**
 * Every mail the platform writes. Each template has a subject and a body in {@code messages-mail*.properties}
 * (en, de, ru; {@code mail.<key>.subject}, {@code mail.<key>.body}) that a translator can edit; subject and body
 * share one list of parameters, given here for each template. Whether a mail is confidential belongs to the
 * template, so a sender cannot forget it: a confidential mail carries a secret or tells about someone's account,
 * its body is never shown to organisers, never logged by default, and erased once delivered.
 */
public enum MailTemplate {

    /** After sign-up. {0} name, {1} sign-in link, {2} password-reset link. */
    ACCOUNT_WELCOME("account.welcome", false),
    /** Someone tried to sign up with an address that has an account. {0} name, {1} sign-in link, {2} reset link. */
    ACCOUNT_EXISTS("account.exists", true),
    /** A one-time password-reset link. {0} name, {1} the link, {2} minutes it stays valid. */
    PASSWORD_RESET("account.password-reset", true),
    /**
     * Registration mails. {0} name, {1} edition title, {2} dates, {3} waiting-list position (empty if none),
     * {4} edition page, {5} the person's registrations page.
     */
    REGISTRATION_CONFIRMED("registration.confirmed", false),
    REGISTRATION_WAITLISTED("registration.waitlisted", false),
    REGISTRATION_PROMOTED("registration.promoted", false),
    REGISTRATION_CANCELLED("registration.cancelled", false),
    /**
     * Waiting-list offers: the registration mails' parameters and {6} the deadline (date, time and the edition's
     * time zone, in the recipient's language), {7} the link to accept, {8} the link to decline (both open the
     * offer in the app, after signing in). A seat taken from an offer is told with {@link #REGISTRATION_CONFIRMED}.
     */
    REGISTRATION_OFFERED("registration.offered", false),
    REGISTRATION_OFFER_EXPIRED("registration.offer-expired", false),
    /** Retention warnings to organisers. {0} name, {1} edition title, {2} day of erasure, {3} retention settings page. */
    RETENTION_SPECIAL("privacy.retention-special", false),
    RETENTION_DETAILS("privacy.retention-details", false),
    /**
     * The published allocation of a workshop slot to one participant who ranked its groups. {0} name, {1} edition
     * title, {2} the slot (day, times, zone, title), {3} their group (allocated) or empty (unplaced), {4} the group's
     * room or empty, {5} the person's programme page.
     */
    WORKSHOP_ALLOCATED("workshop.allocated", false),
    WORKSHOP_UNPLACED("workshop.unplaced", false),
    /** An organiser took a published allocation back; same parameters ({3} the group whose place was withdrawn). */
    WORKSHOP_WITHDRAWN("workshop.withdrawn", false),
    /**
     * An organiser's message to registrants, in the organiser's own words; only the frame is in the recipient's
     * language. {0} the organiser's subject, {1} the organiser's text, {2} edition title, {3} edition page.
     */
    MESSAGING_MESSAGE("messaging.message", false),
    /** The reminder some days before an edition. {0} name, {1} edition title, {2} dates, {3} edition page, {4} programme page. */
    MESSAGING_REMINDER("messaging.reminder", false),
    /** To the waiting list when registration closes. {0} name, {1} edition title, {2} position, {3} the person's registrations page. */
    MESSAGING_STILL_INTERESTED("messaging.still-interested", false),
    /** An invitation to register. {0} edition title, {1} dates, {2} the invitation link. */
    MESSAGING_INVITATION("messaging.invitation", false),
    /**
     * A personal link to answer a survey, and the reminder with a new one (the old link stops working). {0} the
     * survey's title, {1} the link. Confidential: the link is the secret that answers in the person's place.
     */
    SURVEY_INVITATION("survey.invitation", true),
    SURVEY_REMINDER("survey.reminder", true);

    private final String key;
    private final boolean confidential;

    MailTemplate(String key, boolean confidential) {
        this.key = key;
        this.confidential = confidential;
    }

    public String subjectKey() {
        return "mail." + key + ".subject";
    }

    public String bodyKey() {
        return "mail." + key + ".body";
    }

    public boolean isConfidential() {
        return confidential;
    }

    /**
     * The template for a kind of mail a feature names in words ({@code of("REGISTRATION", "promoted")}).
     *
     * @throws IllegalArgumentException if there is no such template
     */
    public static MailTemplate of(String feature, String kind) {
        return valueOf((feature + "_" + kind).toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
