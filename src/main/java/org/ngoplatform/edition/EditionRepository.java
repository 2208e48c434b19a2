package org.ngoplatform.edition;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface EditionRepository extends JpaRepository<Edition, Long> {


    /** SELECT ... FOR UPDATE: serialises every seat change of one edition across app instances. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Edition e where e.id = :id")
    Optional<Edition> findForUpdate(@Param("id") long id);

    @Query("select e from Edition e where (:status is null or e.status = :status) and (:year is null or e.year = :year)")
    List<Edition> search(@Param("status") EditionStatus status, @Param("year") Integer year, Pageable page);

    @Query("select count(e) from Edition e where (:status is null or e.status = :status) and (:year is null or e.year = :year)")
    long countSearch(@Param("status") EditionStatus status, @Param("year") Integer year);
}
