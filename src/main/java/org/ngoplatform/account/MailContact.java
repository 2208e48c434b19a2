package org.ngoplatform.account;

import java.util.Locale;

/** Where and in which language to mail someone: their address, name and preferred language (English if unset). */
public record MailContact(String email, String displayName, Locale locale) {
}
