package org.ngoplatform.workshop;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface JointActionRepository extends JpaRepository<JointAction, Long> {

    List<JointAction> findByEditionIdOrderByDateAscIdAsc(long editionId);
}
