package org.ngoplatform.programme;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ProgrammeSessionRepository extends JpaRepository<ProgrammeSession, Long> {

    /** Every session of an edition, cancelled ones too, in order of time. */
    List<ProgrammeSession> findByEditionIdOrderByStartsAtAscEndsAtAscIdAsc(long editionId);

}
