package org.ngoplatform.visaletter;

import java.time.Instant;
import java.time.LocalDate;

/** A request as organisers list it and as its participant sees their own. */
public record VisaLetterRequestSummary(long id, long editionId, long accountId, String fullName, String nationality,
                                       String passportNumber, LocalDate dateOfBirth, String consulateCity,
                                       Instant requestedAt, Instant issuedAt, VisaLetterStatus status) {

    static VisaLetterRequestSummary of(VisaLetterRequest r) {
        return new VisaLetterRequestSummary(r.getId(), r.getEditionId(), r.getAccountId(), r.getFullName(),
                r.getNationality(), r.getPassportNumber(), r.getDateOfBirth(), r.getConsulateCity(),
                r.getRequestedAt(), r.getIssuedAt(), r.status());
    }

    /** The details as a form, to edit them. */
    public VisaDetailsForm toForm() {
        return VisaDetailsForm.of(fullName, nationality, passportNumber, dateOfBirth, consulateCity);
    }
}
