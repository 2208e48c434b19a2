package org.ngoplatform.privacy;

import org.ngoplatform.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * "Anonymise after fieldwork": once an identified survey is closed, organisers cut every link between its
 * responses and the people who gave them. Irreversible: the links are deleted, not hidden, and the survey
 * becomes anonymous so that reopening it cannot link anything again. The survey feature does the work through
 * its {@link FieldworkSurveys}; this service checks the role and records the audit.
 */
@Service
public class FieldworkService {

    private final FieldworkSurveys surveys;
    private final AuditLog audit;

    FieldworkService(FieldworkSurveys surveys, AuditLog audit) {
        this.surveys = surveys;
        this.audit = audit;
    }

    /** Closed identified surveys (the ones that may be anonymised), newest first. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<IdentifiedSurvey> closedIdentified() {
        return surveys.closedIdentified();
    }

    /** Returns how many responses were unlinked. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public int anonymise(long surveyId) {
        int unlinked = surveys.anonymise(surveyId);
        audit.record("SURVEY_ANONYMISED", "survey:" + surveyId, unlinked + " responses unlinked from their respondents");
        return unlinked;
    }
}
