package org.ngoplatform.account;

/** A reset link that cannot be used (unknown, expired, used) or a new password the policy refuses. */
public class PasswordResetRejectedException extends RuntimeException {

    private final String messageKey;

    public PasswordResetRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** A translation key; password policy keys take the minimum length as parameter {0}. */
    public String messageKey() {
        return messageKey;
    }
}
