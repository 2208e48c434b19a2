package org.ngoplatform.visaletter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who asked for a visa letter, for messaging's audience filter "asked for a visa letter" (messaging defines the
 * interface, this module implements it): account ids only, never the details, and only for organisers.
 */
@Service
public class VisaLetterRequests implements org.ngoplatform.messaging.VisaLetterRequests {

    private final VisaLetterRequestRepository requests;

    VisaLetterRequests(VisaLetterRequestRepository requests) {
        this.requests = requests;
    }

    /** The accounts with a visa letter request at the edition (their registration is confirmed or waiting). */
    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Set<Long> askedBy(long editionId) {
        return new LinkedHashSet<>(requests.accountIdsOf(editionId));
    }
}
