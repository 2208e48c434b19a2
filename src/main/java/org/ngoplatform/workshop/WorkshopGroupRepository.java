package org.ngoplatform.workshop;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface WorkshopGroupRepository extends JpaRepository<WorkshopGroup, Long> {

    List<WorkshopGroup> findByEditionIdOrderBySortOrderAscIdAsc(long editionId);

    @Query("select g from WorkshopGroup g join g.facilitatorIds f where f = ?1 order by g.id")
    List<WorkshopGroup> facilitatedBy(long accountId);

    /** The group row locked for writing: serialises changes to its entries, state and members. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from WorkshopGroup g where g.id = ?1")
    Optional<WorkshopGroup> findForUpdate(long id);

    /** Only the edition (which never changes), without loading the group before a lock is held. */
    @Query("select g.editionId from WorkshopGroup g where g.id = ?1")
    Optional<Long> editionIdOf(long id);

    /** The groups meeting in a programme session (a workshop slot), in the organisers' order. */
    List<WorkshopGroup> findByProgrammeSessionIdOrderBySortOrderAscIdAsc(long programmeSessionId);

    @Query("select coalesce(max(g.sortOrder), 0) from WorkshopGroup g where g.editionId = ?1")
    int maxSortOrder(long editionId);
}
