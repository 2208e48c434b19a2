package org.ngoplatform.account;

/** What a person may do. Stored by name; Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    PARTICIPANT,
    FACILITATOR,
    ANALYST,
    ORGANISER;

    public static final String PARTICIPANT_NAME = "PARTICIPANT";
    public static final String FACILITATOR_NAME = "FACILITATOR";
    public static final String ANALYST_NAME = "ANALYST";
    public static final String ORGANISER_NAME = "ORGANISER";

    public String authority() {
        return "ROLE_" + name();
    }
}
