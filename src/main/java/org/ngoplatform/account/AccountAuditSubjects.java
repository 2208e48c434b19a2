package org.ngoplatform.account;

import org.ngoplatform.audit.AuditSubjects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Names accounts ({@code account:4}) in the audit log: the person's display name; linked to the accounts list. */
@Component
class AccountAuditSubjects implements AuditSubjects {

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
    public Map<Long, String> names(Collection<Long> ids) {
        return accounts.findAllById(ids).stream()
                .filter(a -> a.getDisplayName() != null)
                .collect(Collectors.toMap(Account::getId, Account::getDisplayName));
    }

    @Override
    public String link(long id) {
        return "admin/accounts";
    }
}
