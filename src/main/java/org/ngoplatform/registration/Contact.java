package org.ngoplatform.registration;

/** Where to send a registration mail. */
record Contact(String email, String name) {
}
