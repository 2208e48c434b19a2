package org.ngoplatform.registration;

import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.audit.AuditSubjects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names registrations ({@code registration:8}) in the audit log: the participant's name as registration keeps it;
 * linked to the edition's registrations list.
 */
@Component
class RegistrationAuditSubjects implements AuditSubjects {

    private final RegistrationRepository registrations;

    RegistrationAuditSubjects(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public String kind() {
        return "registration";
    }

    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
        return registrations.findAllById(ids).stream()
                .filter(r -> !r.getParticipantName().isBlank())
                .collect(Collectors.toMap(Registration::getId, r -> AuditSubjectRef.of(r.getParticipantName(),
                        "admin/editions/" + r.getEditionId() + "/registrations")));
    }
}
