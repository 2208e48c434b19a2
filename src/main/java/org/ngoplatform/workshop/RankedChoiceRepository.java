package org.ngoplatform.workshop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface RankedChoiceRepository extends JpaRepository<RankedChoice, RankedChoice.Key> {

    /** Every choice of the slot, by participant in the order they first ranked, then by choice. */
    @Query("select r from RankedChoice r where r.sessionId = ?1 order by r.firstRankedAt, r.accountId, r.choiceNo")
    List<RankedChoice> inRankingOrder(long sessionId);

    List<RankedChoice> findBySessionIdAndAccountIdOrderByChoiceNoAsc(long sessionId, long accountId);

    @Query("select r.sessionId, count(distinct r.accountId) from RankedChoice r where r.sessionId in ?1 group by r.sessionId")
    List<Object[]> rankersBySession(List<Long> sessionIds);

    @Query("select distinct r.accountId from RankedChoice r where r.sessionId = ?1")
    List<Long> rankers(long sessionId);

    List<RankedChoice> findByAccountIdOrderBySessionIdAscChoiceNoAsc(long accountId);
}
