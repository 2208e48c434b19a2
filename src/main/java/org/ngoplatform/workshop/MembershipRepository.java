package org.ngoplatform.workshop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface MembershipRepository extends JpaRepository<Membership, Membership.Key> {

    long countByGroupId(long groupId);

    List<Membership> findByGroupId(long groupId);

    List<Membership> findByEditionIdAndAccountId(long editionId, long accountId);

    Optional<Membership> findByEditionIdAndAccountIdAndSessionSlot(long editionId, long accountId, String sessionSlot);

    @Query("select m.groupId, count(m) from Membership m where m.editionId = ?1 group by m.groupId")
    List<Object[]> countsByGroup(long editionId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from Membership m where m.editionId = ?1 and m.accountId = ?2")
    int deleteByEditionAndAccount(long editionId, long accountId);

    @Modifying(flushAutomatically = true)
    @Query("delete from Membership m where m.groupId = ?1")
    int deleteByGroup(long groupId);

    @Modifying(flushAutomatically = true)
    @Query("update Membership m set m.sessionSlot = ?2 where m.groupId = ?1")
    int changeSlot(long groupId, String slot);

    /** Members of the group who already hold a place in another group of the given slot. */
    @Query("select count(m) from Membership m where m.groupId = ?1 and exists (select o from Membership o "
            + "where o.editionId = m.editionId and o.accountId = m.accountId and o.sessionSlot = ?2 and o.groupId <> ?1)")
    long countSlotConflicts(long groupId, String slot);
}
