package org.ngoplatform.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
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

    String FILTER = """
            where (:action is null or e.action = :action)
              and (:subject is null or e.subject = :subject)
              and (:subjectLike is null or e.subject like :subjectLike escape '!')
              and (:actor is null or e.actor = :actor)
              and e.occurredAt >= :from and e.occurredAt < :to""";

    @Query("select e from AuditEvent e " + FILTER + " order by e.occurredAt desc, e.id desc")
    List<AuditEvent> search(@Param("action") String action, @Param("subject") String subject,
                            @Param("subjectLike") String subjectLike, @Param("actor") String actor, @Param("from") Instant from,
                            @Param("to") Instant to, Pageable pageable);

    /** The next page after (before, in time) the event at {@code time}/{@code id}: keyset paging, newest first. */
    @Query("select e from AuditEvent e " + FILTER + """
             and e.id <= :upperId
             and (e.occurredAt < :time or (e.occurredAt = :time and e.id < :id))
            order by e.occurredAt desc, e.id desc""")
    List<AuditEvent> searchOlder(@Param("action") String action, @Param("subject") String subject,
                                 @Param("subjectLike") String subjectLike, @Param("actor") String actor, @Param("from") Instant from,
                                 @Param("to") Instant to, @Param("upperId") long upperId, @Param("time") Instant time,
                                 @Param("id") long id, Pageable pageable);

    @Query("select count(e) from AuditEvent e " + FILTER)
    long countMatching(@Param("action") String action, @Param("subject") String subject,
                       @Param("subjectLike") String subjectLike, @Param("actor") String actor, @Param("from") Instant from, @Param("to") Instant to);

    @Query("select coalesce(max(e.id), 0) from AuditEvent e")
    long maxId();

    List<AuditEvent> findBySubjectOrderByIdAsc(String subject);

    /** The actors recorded with this prefix ({@code account:}), each once. */
    @Query("select distinct e.actor from AuditEvent e where e.actor like :prefix escape '!'")
    List<String> findActorsLike(@Param("prefix") String prefix);
}
