package org.ngoplatform.visaletter;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisaLetterTemplateRepository extends JpaRepository<VisaLetterTemplate, Long> {

    @Modifying
    @Query("update VisaLetterTemplate t set t.updatedBy = null where t.updatedBy = :account")
    int forgetAuthor(@Param("account") long accountId);
}
