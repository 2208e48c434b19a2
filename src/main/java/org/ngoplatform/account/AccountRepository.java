package org.ngoplatform.account;

import java.time.Instant;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    /** Bookkeeping only: leaves the optimistic version alone, so it never conflicts with an edit or another sign-in. */
    @Modifying
    @Query("update Account a set a.lastLoginAt = :at where a.email = :email")
    int recordLogin(@Param("email") String email, @Param("at") Instant at);

    /** A one-time password stops working once it has signed in. */
    @Modifying
    @Query("update Account a set a.oneTimePasswordUntil = :at where a.email = :email and a.oneTimePasswordUntil > :at")
    int spendOneTimePassword(@Param("email") String email, @Param("at") Instant at);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> lockById(@Param("id") long id);

    @Query("select count(a) > 0 from Account a join a.roles r where r = :role")
    boolean existsWithRole(@Param("role") Role role);

    @Query("select distinct a from Account a join a.roles r where r = :role and a.enabled = true order by a.id")
    List<Account> findEnabledWithRole(@Param("role") Role role);

    @Query("""
            select a from Account a
            where (:filter is null or lower(a.email) like :filter or lower(a.displayName) like :filter)
            """)
    List<Account> search(@Param("filter") String filter, Pageable pageable);

    /** As {@link #search}, only accounts that can sign in (not disabled, not erased). */
    @Query("""
            select a from Account a
            where a.enabled = true
              and (:filter is null or lower(a.email) like :filter or lower(a.displayName) like :filter)
            """)
    List<Account> searchEnabled(@Param("filter") String filter, Pageable pageable);

    @Query("""
            select count(a) from Account a
            where (:filter is null or lower(a.email) like :filter or lower(a.displayName) like :filter)
            """)
    long countSearch(@Param("filter") String filter);

    /**
     * Those of {@code ids} whose "name &lt;email&gt;" (as the audit log's person picker shows them) matches {@code like}
     * (escape '!'; all when null), by name.
     */
    @Query("""
            select a from Account a
            where a.id in :ids
              and (:like is null or lower(concat(coalesce(a.displayName, ''), ' <', a.email, '>')) like :like escape '!')
            order by lower(a.displayName), a.id
            """)
    List<Account> searchAmong(@Param("ids") java.util.Collection<Long> ids, @Param("like") String like, Pageable pageable);
}
