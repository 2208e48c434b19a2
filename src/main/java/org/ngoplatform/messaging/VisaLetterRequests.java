package org.ngoplatform.messaging;

import java.util.Set;

/**
 * Who gave the details of a visa invitation letter for an edition, for the audience filter "asked for a visa letter".
 * The visa-letter feature implements it (it sits above messaging's knowledge). The filter takes these people and
 * those who ticked "I need a visa invitation letter" on the registration form ({@code RegistrantSummary.visaLetter}),
 * whether or not they have given the details yet.
 * Called inside the organiser's transaction.
 */
public interface VisaLetterRequests {

    /** Account ids of the people who asked for a visa letter for the edition. */
    Set<Long> askedBy(long editionId);
}
