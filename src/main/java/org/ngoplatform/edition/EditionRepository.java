package org.ngoplatform.edition;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface EditionRepository extends JpaRepository<Edition, Long> {

    List<Edition> findByStatusInOrderByYearDescIdDesc(Collection<EditionStatus> statuses);
}
