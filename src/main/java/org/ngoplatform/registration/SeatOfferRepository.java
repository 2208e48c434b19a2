package org.ngoplatform.registration;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface SeatOfferRepository extends JpaRepository<SeatOffer, Long> {

    long countByEditionIdAndStatus(long editionId, OfferStatus status);

    @Query("select o.registrationId from SeatOffer o where o.editionId = :edition and o.status = 'OPEN'")
    List<Long> openRegistrationIds(@Param("edition") long editionId);

    Optional<SeatOffer> findFirstByRegistrationIdAndStatus(long registrationId, OfferStatus status);

    @Query("select o.editionId from SeatOffer o where o.id = :id")
    Optional<Long> editionOf(@Param("id") long offerId);

    @Query("select o.editionId from SeatOffer o where o.id = :id and o.accountId = :account")
    Optional<Long> editionOf(@Param("id") long offerId, @Param("account") long accountId);

    @Query("select distinct o.editionId from SeatOffer o where o.status = 'OPEN' and o.expiresAt <= :now")
    List<Long> editionsWithOverdue(@Param("now") Instant now);

    @Query("select o from SeatOffer o where o.editionId = :edition and o.status = 'OPEN' and o.expiresAt <= :now order by o.id")
    List<SeatOffer> overdue(@Param("edition") long editionId, @Param("now") Instant now);

    List<SeatOffer> findByAccountIdAndStatusOrderByExpiresAtAsc(long accountId, OfferStatus status);

    @Query("select new org.ngoplatform.registration.SeatOfferSummary(o.id, o.registrationId, r.participantName, "
            + "r.participantEmail, o.status, o.offeredAt, o.expiresAt, o.decidedAt) "
            + "from SeatOffer o, Registration r where r.id = o.registrationId and o.editionId = :edition "
            + "order by case o.status when 'OPEN' then 0 else 1 end, o.id desc")
    List<SeatOfferSummary> history(@Param("edition") long editionId, Pageable page);

    long countByEditionId(long editionId);
}
