package org.ngoplatform.mail;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    @Query("select m.id from OutboxMail m where m.delivery = 'QUEUED' and m.nextAttemptAt <= :now order by m.id")
    List<Long> dueIds(@Param("now") Instant now, Pageable page);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboxMail m where m.id = :id")
    Optional<OutboxMail> findForUpdate(@Param("id") long id);

    /** Mails that are done with (delivered, logged or given up) and were last tried before {@code before}. */
    @Modifying
    @Query("delete from OutboxMail m where m.delivery in ('SENT', 'LOGGED', 'FAILED') and m.lastAttemptAt < :before")
    int deleteFinishedBefore(@Param("before") Instant before);

    List<OutboxMail> findByRecipientOrderByIdAsc(String recipient);

    /** Every mail to the address, whatever its delivery state (a bulk delete: a concurrent send cannot make it fail). */
    @Modifying(flushAutomatically = true)
    @Query("delete from OutboxMail m where m.recipient = :recipient")
    int deleteAllTo(@Param("recipient") String recipient);

    @Query("select m from OutboxMail m order by m.id desc")
    List<OutboxMail> recent(Pageable page);

    long countByDelivery(OutboxMail.Delivery delivery);
}
