package org.ngoplatform.registration;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    /*
     * Names, emails, countries and organisation names are registration's own copies (see Registration), so these
     * queries name only registration's table: a module owns its data.
     */
    String ROW = "select new org.ngoplatform.registration.RegistrationSummary(r.id, r.status, r.waitlistPosition, r.participantName, "
            + "r.participantEmail, r.organisationName, r.countryCode, r.jobTitle, r.arrivalOn, r.departureOn, r.visaLetter, "
            + "r.dietaryNeeds, r.accessibilityNeeds, r.listOptIn, r.createdAt) "
            + "from Registration r ";
    String WHERE = "where r.editionId = :edition and (:status is null or r.status = :status) and (:like is null "
            + "or lower(r.participantName) like :like or lower(r.participantEmail) like :like or lower(r.organisationName) like :like) ";

    Optional<Registration> findByEditionIdAndAccountId(long editionId, long accountId);

    long countByEditionIdAndStatus(long editionId, RegistrationStatus status);

    /** Per edition and status (confirmed, waiting): edition id, status, count; one query for a page of editions. */
    @Query("select r.editionId, r.status, count(r) from Registration r where r.editionId in :editions "
            + "and r.status in (org.ngoplatform.registration.RegistrationStatus.CONFIRMED, "
            + "org.ngoplatform.registration.RegistrationStatus.WAITLISTED) group by r.editionId, r.status")
    List<Object[]> seatCounts(@Param("editions") java.util.Collection<Long> editionIds);

    List<Registration> findByEditionIdAndStatusOrderByWaitlistPositionAsc(long editionId, RegistrationStatus status);

    List<Registration> findByAccountIdOrderByCreatedAtDesc(long accountId);

    List<Registration> findByEditionIdOrderByIdAsc(long editionId);

    List<Registration> findByAccountIdOrderByIdAsc(long accountId);

    boolean existsByEditionIdAndAccountIdAndStatus(long editionId, long accountId, RegistrationStatus status);

    @Query("select r.accountId from Registration r where r.editionId = :edition and r.status = 'CONFIRMED' order by r.accountId")
    List<Long> confirmedAccountIds(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.RegistrantSummary(r.accountId, r.status, r.waitlistPosition, "
            + "r.participantName, r.participantEmail, r.countryCode, r.organisationName, r.visaLetter) from Registration r "
            + "where r.editionId = :edition order by r.id")
    List<RegistrantSummary> registrants(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.ConfirmedParticipantSummary(r.accountId, r.participantName, "
            + "r.organisationName, r.countryCode) from Registration r "
            + "where r.editionId = :edition and r.status = 'CONFIRMED' order by r.participantName, r.accountId")
    List<ConfirmedParticipantSummary> confirmedParticipants(@Param("edition") long editionId);

    @Query("select coalesce(max(r.waitlistPosition), 0) from Registration r where r.editionId = :edition and r.status = 'WAITLISTED'")
    int maxWaitlistPosition(@Param("edition") long editionId);

    @Query(ROW + WHERE + "order by case r.status when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 else 2 end, "
            + "r.waitlistPosition, lower(r.participantName), r.id")
    List<RegistrationSummary> rows(@Param("edition") long editionId, @Param("status") RegistrationStatus status,
                               @Param("like") String like, Pageable page);

    @Query("select count(r) from Registration r " + WHERE)
    long countRows(@Param("edition") long editionId, @Param("status") RegistrationStatus status, @Param("like") String like);

    @Query(ROW + "where r.editionId = :edition and r.status <> 'CANCELLED' order by "
            + "case r.status when 'CONFIRMED' then 0 else 1 end, r.waitlistPosition, lower(r.participantName), r.id")
    List<RegistrationSummary> activeRows(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.RegistrationCount(cast(r.status as string), count(r)) from Registration r "
            + "where r.editionId = :edition group by r.status")
    List<RegistrationCount> countByStatus(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.RegistrationCount(coalesce(r.countryCode, '-'), count(r)) "
            + "from Registration r "
            + "where r.editionId = :edition and r.status <> 'CANCELLED' group by coalesce(r.countryCode, '-') "
            + "order by count(r) desc")
    List<RegistrationCount> countByCountry(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.RegistrationCount(coalesce(r.organisationName, '-'), count(r)) "
            + "from Registration r "
            + "where r.editionId = :edition and r.status <> 'CANCELLED' group by coalesce(r.organisationName, '-') "
            + "order by count(r) desc, coalesce(r.organisationName, '-')")
    List<RegistrationCount> countByOrganisation(@Param("edition") long editionId, Pageable page);

    /**
     * Registrations received per quarter hour (UTC date, hour, quarter, count): the stored UTC wall time split into
     * fields, so the caller can fold them into days of any zone (also those with half or quarter hour offsets).
     */
    @Query("select extract(date from r.createdAt), hour(r.createdAt), floor(minute(r.createdAt) / 15), count(r) "
            + "from Registration r where r.editionId = :edition "
            + "group by extract(date from r.createdAt), hour(r.createdAt), floor(minute(r.createdAt) / 15)")
    List<Object[]> receivedPerQuarterHour(@Param("edition") long editionId);

    @Query("select count(r) from Registration r where r.editionId = :edition and r.status <> 'CANCELLED' and r.visaLetter = true")
    long countVisaLetters(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.ParticipantSummary(r.participantName, r.organisationName) from Registration r "
            + "where r.editionId = :edition and r.status = 'CONFIRMED' and r.listOptIn = true order by lower(r.participantName)")
    List<ParticipantSummary> participantList(@Param("edition") long editionId);

    @Query("select r.accountId, r.organisationName from Registration r "
            + "where r.editionId = :edition and r.accountId in :accounts")
    List<Object[]> organisationNames(@Param("edition") long editionId, @Param("accounts") Collection<Long> accountIds);

    @Query("select r.editionId from Registration r where r.id = :id")
    Optional<Long> editionOf(@Param("id") long registrationId);

    @Query("select r.editionId from Registration r where r.id = :id and r.accountId = :account")
    Optional<Long> editionOf(@Param("id") long registrationId, @Param("account") long accountId);
}
