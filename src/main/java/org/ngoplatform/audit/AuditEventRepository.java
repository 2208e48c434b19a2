package org.ngoplatform.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    @Query("select e from AuditEvent e where (:action is null or e.action = :action) order by e.occurredAt desc, e.id desc")
    List<AuditEvent> findRecent(@Param("action") String action, Pageable pageable);

    @Query("select count(e) from AuditEvent e where (:action is null or e.action = :action)")
    long countByActionOrAll(@Param("action") String action);

    List<AuditEvent> findBySubjectOrderByIdAsc(String subject);
}
