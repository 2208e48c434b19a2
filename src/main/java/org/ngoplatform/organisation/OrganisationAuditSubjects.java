package org.ngoplatform.organisation;

import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.audit.AuditSubjects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Names organisations ({@code organisation:3}) in the audit log: their name; linked to the organisations list. */
@Component
class OrganisationAuditSubjects implements AuditSubjects {

    private final OrganisationRepository organisations;

    OrganisationAuditSubjects(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Override
    public String kind() {
        return "organisation";
    }

    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
        return organisations.findAllById(ids).stream()
                .collect(Collectors.toMap(Organisation::getId, o -> AuditSubjectRef.of(o.getName(), "admin/organisations")));
    }
}
