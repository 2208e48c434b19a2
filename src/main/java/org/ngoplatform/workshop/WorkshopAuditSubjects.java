package org.ngoplatform.workshop;

import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.audit.AuditSubjects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names workshop groups ({@code workshop-group:5}) and joint actions ({@code joint-action:9}) in the audit log: their
 * titles; a group linked to its outcomes page, a joint action to its edition's report.
 */
final class WorkshopAuditSubjects {

    private WorkshopAuditSubjects() {
    }

    @Component
    static class Groups implements AuditSubjects {

        private final WorkshopGroupRepository groups;

        Groups(WorkshopGroupRepository groups) {
            this.groups = groups;
        }

        @Override
        public String kind() {
            return "workshop-group";
        }

        @Override
        @PreAuthorize("hasRole('ORGANISER')")
        @Transactional(readOnly = true)
        public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
            return groups.findAllById(ids).stream().collect(Collectors.toMap(WorkshopGroup::getId,
                    g -> AuditSubjectRef.of(g.getTitle(), "editions/" + g.getEditionId() + "/groups/" + g.getId())));
        }
    }

    @Component
    static class JointActions implements AuditSubjects {

        private final JointActionRepository actions;

        JointActions(JointActionRepository actions) {
            this.actions = actions;
        }

        @Override
        public String kind() {
            return "joint-action";
        }

        @Override
        @PreAuthorize("hasRole('ORGANISER')")
        @Transactional(readOnly = true)
        public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
            return actions.findAllById(ids).stream().collect(Collectors.toMap(JointAction::getId,
                    a -> AuditSubjectRef.of(a.getTitle(), "editions/" + a.getEditionId() + "/report")));
        }
    }
}
