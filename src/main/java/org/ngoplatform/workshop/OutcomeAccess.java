package org.ngoplatform.workshop;

import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read, edit and review a group's outcomes: the one rule, used by {@link OutcomeService},
 * {@link WorkshopReportService} and the views (so nobody is offered a link or a button that ends on "access
 * denied"). Pure: it answers from the facts it is given (the caller's roles, whether they facilitate the group,
 * the group's workflow state).
 * <ul>
 *   <li>Organisers, and facilitators of this very group, edit it while it is a draft and read it at any stage.</li>
 *   <li>Analysts read it at any stage.</li>
 *   <li>Everyone else signed in reads it once approved (approved or locked outcomes also make the report).</li>
 *   <li>Only organisers approve, lock, unlock and see the history with authors.</li>
 *   <li>The roster (members with name and organisation) is for whoever may edit.</li>
 * </ul>
 * Being a member of the group gives no extra right: members read what everyone reads.
 */
public final class OutcomeAccess {

    private final boolean organiser;
    private final boolean analyst;
    private final boolean facilitatorOfGroup;

    private OutcomeAccess(boolean organiser, boolean analyst, boolean facilitatorOfGroup) {
        this.organiser = organiser;
        this.analyst = analyst;
        this.facilitatorOfGroup = facilitatorOfGroup;
    }

    /** From the facts: the caller's roles and whether the caller is one of the group's facilitators. */
    public static OutcomeAccess of(Set<Role> roles, boolean assignedToGroup) {
        return new OutcomeAccess(roles.contains(Role.ORGANISER), roles.contains(Role.ANALYST),
                roles.contains(Role.FACILITATOR) && assignedToGroup);
    }

    /**
     * For this account and a group with these facilitators. Views use it with the account they were opened by:
     * a live update is rendered outside the request, where there is no security context to ask.
     */
    public static OutcomeAccess of(AccountPrincipal account, Collection<Long> facilitatorIds) {
        return of(account.roles(), facilitatorIds.contains(account.accountId()));
    }

    /** For the signed-in caller (nobody signed in: no role) and a group with these facilitators. */
    public static OutcomeAccess ofCaller(Collection<Long> facilitatorIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (CurrentAccount.hasRole(r)) {
                roles.add(r);
            }
        }
        boolean assigned = CurrentAccount.get().map(p -> facilitatorIds.contains(p.accountId())).orElse(false);
        return of(roles, assigned);
    }

    /** Whether outcomes in this state are published: readable by everyone signed in, and part of the report. */
    public static boolean mayReport(WorkflowState state) {
        return state == WorkflowState.APPROVED || state == WorkflowState.LOCKED;
    }

    /** Organisers, or facilitators of this very group: they may change entries (while a draft) and see the roster. */
    public boolean mayEdit() {
        return organiser || facilitatorOfGroup;
    }

    /** {@link #mayEdit()} and the outcomes are still a draft. */
    public boolean mayEditNow(WorkflowState state) {
        return mayEdit() && state.editable();
    }

    public boolean mayRead(WorkflowState state) {
        return mayEdit() || analyst || mayReport(state);
    }

    /** Handing a draft in for review: whoever may edit it now. */
    public boolean maySubmit(WorkflowState state) {
        return mayEditNow(state);
    }

    public boolean mayApprove(WorkflowState state) {
        return organiser && state == WorkflowState.SUBMITTED;
    }

    public boolean mayLock(WorkflowState state) {
        return organiser && state == WorkflowState.APPROVED;
    }

    /** Back to draft from submitted, approved or locked. */
    public boolean mayUnlock(WorkflowState state) {
        return organiser && state != WorkflowState.DRAFT;
    }

    /** The members of the group with name and organisation: whoever may edit its outcomes. */
    public boolean maySeeRoster() {
        return mayEdit();
    }

    /** The revision history names its authors: organisers only. */
    public boolean maySeeHistory() {
        return organiser;
    }
}
