package org.ngoplatform.account;

/**
 * Which privacy notice is current, so sign-up and registration consent can record its version. Implemented by
 * the privacy feature (which stores the versions); accounts only depend on this interface.
 */
public interface PrivacyNoticeVersions {

    /** The label of the notice a person agrees to now. */
    String currentVersion();
}
