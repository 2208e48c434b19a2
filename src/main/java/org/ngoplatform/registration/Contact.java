package org.ngoplatform.registration;

/** Where and in which language ({@code language}: the account's preferred one, may be null) to send a registration mail. */
record Contact(String email, String name, String language) {
}
