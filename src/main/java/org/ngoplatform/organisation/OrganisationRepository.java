package org.ngoplatform.organisation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    /**
     * The organisation of this name in any case. The name is lowered here, not by the query: Hibernate 7.2 cannot
     * keep the translation of {@code lower(:name)} (the parameter's type is only known from the bound value) and
     * translated it again on every call, 17 % of a registration's CPU time (docs/performance.md, "Registration").
     * On MariaDB {@code =} compares in the column's case-insensitive collation anyway; H2 lowers as Java does.
     */
    default Optional<Organisation> findByNameIgnoreCase(String name) {
        return findByLowerName(name.toLowerCase(Locale.ROOT));
    }

    @Query("select o from Organisation o where lower(o.name) = :lower")
    Optional<Organisation> findByLowerName(@Param("lower") String lowerName);

    List<Organisation> findByStatusOrderByNameAsc(Organisation.Status status);

    List<Organisation> findAllByOrderByStatusDescNameAsc();
}
