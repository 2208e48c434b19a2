package org.ngoplatform.account;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from PasswordResetToken t where t.tokenHash = :hash")
    Optional<PasswordResetToken> findForUpdate(@Param("hash") String hash);

    Optional<PasswordResetToken> findByTokenHash(String hash);

    @Query("select t from PasswordResetToken t where t.accountId = :accountId and t.usedAt is null")
    List<PasswordResetToken> unused(@Param("accountId") long accountId);
}
