package org.ngoplatform.edition;

import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.audit.AuditSubjects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Names editions ({@code edition:7}) in the audit log: city and year; linked to the edition's page. */
@Component
class EditionAuditSubjects implements AuditSubjects {

    private final EditionRepository editions;

    EditionAuditSubjects(EditionRepository editions) {
        this.editions = editions;
    }

    @Override
    public String kind() {
        return "edition";
    }

    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
        return editions.findAllById(ids).stream().collect(Collectors.toMap(Edition::getId,
                e -> AuditSubjectRef.of(e.getCity() + " " + e.getYear(), "editions/" + e.getId())));
    }
}
