package org.ngoplatform.workshop;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface OutcomeEntryRepository extends JpaRepository<OutcomeEntry, Long> {

    List<OutcomeEntry> findByGroupIdOrderByPositionAscIdAsc(long groupId);

    List<OutcomeEntry> findByGroupIdInOrderByGroupIdAscPositionAscIdAsc(Collection<Long> groupIds);

    @Query("select e.groupId from OutcomeEntry e where e.id = ?1")
    Optional<Long> groupIdOf(long id);

    /** A locking read: always the latest committed row, whatever the isolation level. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from OutcomeEntry e where e.id = ?1")
    Optional<OutcomeEntry> findForUpdate(long id);

    @Query("select coalesce(max(e.position), 0) from OutcomeEntry e where e.groupId = ?1")
    int maxPosition(long groupId);
}
