package org.ngoplatform.registration;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    String ROW = "select new org.ngoplatform.registration.RegistrationRow(r.id, r.status, r.waitlistPosition, a.displayName, "
            + "a.email, o.name, coalesce(a.countryCode, o.countryCode), r.jobTitle, r.arrivalOn, r.departureOn, r.visaLetter, "
            + "r.dietaryNeeds, r.accessibilityNeeds, r.listOptIn, r.createdAt) "
            + "from Registration r join Account a on a.id = r.accountId left join Organisation o on o.id = r.organisationId ";
    String WHERE = "where r.editionId = :edition and (:status is null or r.status = :status) and (:like is null "
            + "or lower(a.displayName) like :like or lower(a.email) like :like or lower(o.name) like :like) ";

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

    @Query("select coalesce(max(r.waitlistPosition), 0) from Registration r where r.editionId = :edition and r.status = 'WAITLISTED'")
    int maxWaitlistPosition(@Param("edition") long editionId);

    @Query(ROW + WHERE + "order by case r.status when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 else 2 end, "
            + "r.waitlistPosition, lower(a.displayName), r.id")
    List<RegistrationRow> rows(@Param("edition") long editionId, @Param("status") RegistrationStatus status,
                               @Param("like") String like, Pageable page);

    @Query("select count(r) from Registration r join Account a on a.id = r.accountId "
            + "left join Organisation o on o.id = r.organisationId " + WHERE)
    long countRows(@Param("edition") long editionId, @Param("status") RegistrationStatus status, @Param("like") String like);

    @Query(ROW + "where r.editionId = :edition and r.status <> 'CANCELLED' order by "
            + "case r.status when 'CONFIRMED' then 0 else 1 end, r.waitlistPosition, lower(a.displayName), r.id")
    List<RegistrationRow> activeRows(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.CountEntry(cast(r.status as string), count(r)) from Registration r "
            + "where r.editionId = :edition group by r.status")
    List<CountEntry> countByStatus(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.CountEntry(coalesce(a.countryCode, o.countryCode, '-'), count(r)) "
            + "from Registration r join Account a on a.id = r.accountId left join Organisation o on o.id = r.organisationId "
            + "where r.editionId = :edition and r.status <> 'CANCELLED' group by coalesce(a.countryCode, o.countryCode, '-') "
            + "order by count(r) desc")
    List<CountEntry> countByCountry(@Param("edition") long editionId);

    @Query("select new org.ngoplatform.registration.ParticipantListEntry(a.displayName, o.name) from Registration r "
            + "join Account a on a.id = r.accountId left join Organisation o on o.id = r.organisationId "
            + "where r.editionId = :edition and r.status = 'CONFIRMED' and r.listOptIn = true order by lower(a.displayName)")
    List<ParticipantListEntry> participantList(@Param("edition") long editionId);

    @Query("select r.accountId, o.name from Registration r left join Organisation o on o.id = r.organisationId "
            + "where r.editionId = :edition and r.accountId in :accounts")
    List<Object[]> organisationNames(@Param("edition") long editionId, @Param("accounts") Collection<Long> accountIds);

    @Query("select new org.ngoplatform.registration.Contact(a.email, a.displayName, a.preferredLanguage) from Account a where a.id = :id")
    Optional<Contact> contact(@Param("id") long accountId);

    @Query("select a.countryCode from Account a where a.id = :id")
    Optional<String> countryOf(@Param("id") long accountId);

    @Query("select o.name from Organisation o where o.id = :id")
    Optional<String> organisationName(@Param("id") long organisationId);

    @Query("select r.editionId from Registration r where r.id = :id")
    Optional<Long> editionOf(@Param("id") long registrationId);

    @Query("select r.editionId from Registration r where r.id = :id and r.accountId = :account")
    Optional<Long> editionOf(@Param("id") long registrationId, @Param("account") long accountId);
}
