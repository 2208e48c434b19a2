package org.ngoplatform.survey.design;

import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.audit.AuditSubjects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Names surveys ({@code survey:12}) in the audit log: their title; linked to the survey's editor. */
@Component
class SurveyAuditSubjects implements AuditSubjects {

    private final SurveyRepository surveys;

    SurveyAuditSubjects(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public String kind() {
        return "survey";
    }

    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
        return surveys.findAllById(ids).stream()
                .collect(Collectors.toMap(Survey::getId, s -> AuditSubjectRef.of(s.getTitle(), "surveys/" + s.getId() + "/edit")));
    }
}
