package org.ngoplatform.messaging;

/** One mail of a message as its first recipient will get it, in their language: address, subject and text. */
public record MailPreview(String recipient, String subject, String body) {
}
