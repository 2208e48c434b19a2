package org.ngoplatform.account;

import org.ngoplatform.audit.AuditActorRef;
import org.ngoplatform.audit.AuditPeople;
import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.audit.AuditSubjects;
import org.ngoplatform.base.OffsetPageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names accounts ({@code account:4}) in the audit log: the person's display name, linked to the accounts list; and
 * finds the people among the log's actors by name or email for its person filter.
 */
@Component
class AccountAuditSubjects implements AuditSubjects, AuditPeople {

    private final AccountRepository accounts;

    AccountAuditSubjects(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String kind() {
        return "account";
    }

    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
        return accounts.findAllById(ids).stream()
                .filter(a -> a.getDisplayName() != null)
                .collect(Collectors.toMap(Account::getId, a -> AuditSubjectRef.of(a.getDisplayName(), "admin/accounts")));
    }

    @Override
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditActorRef> find(Collection<Long> ids, String text, int offset, int limit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return accounts.searchAmong(ids, like, OffsetPageable.of(offset, limit)).stream()
                .map(a -> new AuditActorRef("account:" + a.getId(),
                        a.getDisplayName() == null ? a.getEmail() : a.getDisplayName() + " <" + a.getEmail() + ">"))
                .toList();
    }
}
