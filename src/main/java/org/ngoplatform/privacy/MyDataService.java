package org.ngoplatform.privacy;

import org.ngoplatform.account.AccountPersonalData;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The signed-in person's rights over their own data: download everything held about them, and erase the account.
 * Each module holding personal data contributes through its {@link PersonalDataHolder}; the account itself goes
 * through the account module's API. All of it runs in one transaction, so an erasure is all or nothing.
 */
@Service
public class MyDataService {

    /** Stands in for the name of an erased person wherever a row must keep some name. */
    public static final String ERASED_NAME = AccountErasure.ERASED_NAME;

    private final AccountPersonalData account;
    private final List<PersonalDataHolder> holders;
    private final AuditLog audit;
    private final Clock clock;

    MyDataService(AccountPersonalData account, List<PersonalDataHolder> holders, AuditLog audit, Clock clock) {
        this.account = account;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything held about the signed-in person, as a UTF-8 JSON document. Audited. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public byte[] exportMine() {
        long id = CurrentAccount.requireId();
        var mine = account.mine();
        MyDataFile file = new MyDataFile(id, (String) mine.account().get("email"));
        file.put("generatedAt", clock.instant());
        file.put("account", mine.account());
        file.put("roles", mine.roles());
        file.addAll("consents", List.of(mine.consent()));
        for (PersonalDataHolder holder : holders) {
            holder.exportMine(file);
        }
        file.put("note", "Anonymous survey answers are not linked to you, so they cannot be found or included here.");
        audit.record("MY_DATA_DOWNLOADED", "account:" + id, null);
        return Json.write(file.sections()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Erases the signed-in person: personal fields are replaced, login becomes impossible and the email is
     * freed; seats and waiting-list places in editions still to come are given up (the next person waiting is
     * promoted); registrations of past editions stay (without details) so counts per country stay right;
     * identified survey responses lose their link to the person; anonymous responses are not touched (they were
     * never linked).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public ErasureSummary eraseMine() {
        long id = CurrentAccount.requireId();
        var erasure = new AccountErasure(id, account.lockMine());
        for (PersonalDataHolder holder : holders) {
            holder.erase(erasure);
        }
        account.eraseMine(ERASED_NAME);
        var summary = new ErasureSummary(erasure.counted(AccountErasure.REGISTRATIONS),
                erasure.counted(AccountErasure.IDENTIFIED_RESPONSES), erasure.counted(AccountErasure.FACILITATOR_GROUPS));
        audit.record("ACCOUNT_ERASED", "account:" + id, erasure.describe());
        return summary;
    }

    /** What an erasure changed, for the confirmation shown to the person. */
    public record ErasureSummary(int registrations, int identifiedResponses, int facilitatorGroups) {
    }
}
