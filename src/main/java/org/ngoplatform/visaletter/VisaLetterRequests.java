package org.ngoplatform.visaletter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Who asked for a visa letter, for other features (messaging's recipient filter "asked for a visa letter"):
 * account ids only, never the details, and only for organisers.
 */
@Service
public class VisaLetterRequests {

    private final VisaLetterRequestRepository requests;

    VisaLetterRequests(VisaLetterRequestRepository requests) {
        this.requests = requests;
    }

    /** The accounts with a visa letter request at the edition (their registration is confirmed or waiting), by id. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<Long> accountIdsWhoAsked(long editionId) {
        return requests.accountIdsOf(editionId);
    }
}
