package org.ngoplatform.survey.respond;

/** Only responses whose answer to question {@code questionCode} holds option {@code optionCode}. */
public record ResponseFilter(String questionCode, String optionCode) {
}
