package org.ngoplatform.workshop;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface WorkshopGroupRepository extends JpaRepository<WorkshopGroup, Long> {

    List<WorkshopGroup> findByEditionIdOrderBySortOrderAscIdAsc(long editionId);
}
