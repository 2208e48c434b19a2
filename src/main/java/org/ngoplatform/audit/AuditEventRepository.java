package org.ngoplatform.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;

/**
 * Append-only: a plain {@link Repository} offering insert and reads only, so the application has no way to
 * update or delete an audit event (and {@link AuditEvent} is {@code @Immutable} besides).
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    @Query("select e from AuditEvent e where (:action is null or e.action = :action) order by e.occurredAt desc, e.id desc")
    List<AuditEvent> findRecent(@Param("action") String action, Pageable pageable);

    @Query("select count(e) from AuditEvent e where (:action is null or e.action = :action)")
    long countByActionOrAll(@Param("action") String action);

    List<AuditEvent> findBySubjectOrderByIdAsc(String subject);
}
