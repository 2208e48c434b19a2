package org.ngoplatform.registration;

/**
 * Whether someone may register for an edition beyond the rules registration knows itself (open window, no earlier
 * registration): a feature above registration (messaging's invitation-only editions) implements it, so registration
 * asks without depending on it. Asked before the edition's row lock, inside the registering transaction.
 */
public interface RegistrationAdmission {

    /** Whether the person with this account address may register for the edition. */
    boolean admits(long editionId, String email);
}
