package org.ngoplatform.visaletter;

/** Where a request stands: asked and not yet issued; issued; issued but the details changed since. */
public enum VisaLetterStatus {
    REQUESTED, ISSUED, REISSUE_NEEDED
}
