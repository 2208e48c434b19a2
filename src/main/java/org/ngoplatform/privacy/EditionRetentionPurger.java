package org.ngoplatform.privacy;

/**
 * A module that keeps per-edition personal data which the retention periods govern implements this in its own
 * package, through its own entities. {@link RetentionService} calls every purger inside the retention job's
 * transaction (a system job: nobody is signed in) and records each step in the audit log.
 */
public interface EditionRetentionPurger {

    /**
     * What this purger's counts are, as the audit details name them after each figure ("registrations",
     * "attendance marks"): each module's figure stands under its own words, never added to another's.
     */
    String countsWhat();

    /** Erases special-category data (dietary and accessibility needs) of the edition; returns how many records changed. */
    int purgeSpecialCategory(long editionId);

    /** Erases the remaining personal details of the edition, keeping what counts need; returns how many records changed. */
    int purgeDetails(long editionId);
}
