package org.ngoplatform.workshop;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface OutcomeRevisionRepository extends JpaRepository<OutcomeRevision, Long> {

    List<OutcomeRevision> findByGroupIdOrderByIdDesc(long groupId);

    List<OutcomeRevision> findByEntryIdOrderByIdAsc(long entryId);

    List<OutcomeRevision> findByAuthorAccountIdOrderByIdAsc(Long authorAccountId);
}
