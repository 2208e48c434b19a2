package org.ngoplatform.visaletter;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface VisaLetterRequestRepository extends JpaRepository<VisaLetterRequest, Long> {

    Optional<VisaLetterRequest> findByEditionIdAndAccountId(long editionId, long accountId);

    List<VisaLetterRequest> findByEditionIdOrderByFullNameAscIdAsc(long editionId, Pageable page);

    List<VisaLetterRequest> findByEditionIdOrderByIdAsc(long editionId);

    List<VisaLetterRequest> findByAccountIdOrderByIdAsc(long accountId);

    long countByEditionId(long editionId);

    @Query("select r.accountId from VisaLetterRequest r where r.editionId = :edition order by r.accountId")
    List<Long> accountIdsOf(@Param("edition") long editionId);

    @Modifying
    @Query("delete from VisaLetterRequest r where r.accountId = :account")
    int deleteOfAccount(@Param("account") long accountId);

    @Modifying
    @Query("delete from VisaLetterRequest r where r.editionId = :edition")
    int deleteOfEdition(@Param("edition") long editionId);

    @Modifying
    @Query("delete from VisaLetterRequest r where r.editionId = :edition and r.accountId = :account")
    int deleteOf(@Param("edition") long editionId, @Param("account") long accountId);
}
