package org.ngoplatform.organisation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @Query("select o from Organisation o where lower(o.name) = lower(:name)")
    Optional<Organisation> findByNameIgnoreCase(@Param("name") String name);

    List<Organisation> findByStatusOrderByNameAsc(Organisation.Status status);

    List<Organisation> findAllByOrderByStatusDescNameAsc();
}
