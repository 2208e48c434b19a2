package org.ngoplatform.messaging;

import java.util.Set;

/**
 * Who asked for a visa invitation letter for an edition, for the audience filter "asked for a visa letter". The
 * visa-letter feature implements it (it sits above messaging's knowledge); while no bean implements it, messaging
 * takes the "I need a visa invitation letter" box of the registration form ({@code RegistrantSummary.visaLetter}).
 * Called inside the organiser's transaction.
 */
public interface VisaLetterRequests {

    /** Account ids of the people who asked for a visa letter for the edition. */
    Set<Long> askedBy(long editionId);
}
