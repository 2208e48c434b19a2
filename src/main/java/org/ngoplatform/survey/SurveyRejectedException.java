package org.ngoplatform.survey;

/** A rule of the survey feature said no; {@code messageKey} explains it to the person, {@code field} says where. */
public class SurveyRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public SurveyRejectedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
