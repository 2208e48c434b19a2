package org.ngoplatform.account;

import java.util.Optional;

/**
 * Where someone lands after signing in when their role has no start page of its own (participants, analysts), named
 * by a higher module that knows what they have coming (workshop: their own programme when they hold a confirmed seat
 * for an upcoming edition). A route without the leading slash; empty: the home page.
 */
public interface PersonalStartPage {

    Optional<String> startFor(long accountId);
}
