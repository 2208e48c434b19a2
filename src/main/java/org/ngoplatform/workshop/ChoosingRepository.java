package org.ngoplatform.workshop;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface ChoosingRepository extends JpaRepository<Choosing, Long> {

    List<Choosing> findByEditionIdOrderByClosesAtAscSessionIdAsc(long editionId);

    /** Only the edition, without loading the choosing before the edition's lock is held. */
    @Query("select c.editionId from Choosing c where c.sessionId = ?1")
    Optional<Long> editionIdOf(long sessionId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Choosing c where c.sessionId = ?1")
    Optional<Choosing> findForUpdate(long sessionId);
}
