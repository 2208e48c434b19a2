package org.ngoplatform.workshop;

import jakarta.validation.Validator;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Validation;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outcomes of workshop groups: entries with optimistic locking and revisions, the review workflow, and the
 * live broadcast to every open screen. Who may do what is checked here, never only in the view, by the rule
 * both share: {@link OutcomeAccess}.
 */
@Service
public class OutcomeService {

    public static final int REASON_MIN = 5;
    public static final int REASON_MAX = 500;

    private final WorkshopGroupRepository groups;
    private final OutcomeEntryRepository entries;
    private final OutcomeRevisionRepository revisions;
    private final WorkshopService workshops;
    private final EditionService editions;
    private final OrganisationService organisations;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Validator validator;
    private final Clock clock;

    OutcomeService(WorkshopGroupRepository groups, OutcomeEntryRepository entries, OutcomeRevisionRepository revisions,
                   WorkshopService workshops, EditionService editions, OrganisationService organisations,
                   ApplicationEventPublisher events, AuditLog audit, Validator validator, Clock clock) {
        this.groups = groups;
        this.entries = entries;
        this.revisions = revisions;
        this.workshops = workshops;
        this.editions = editions;
        this.organisations = organisations;
        this.events = events;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /**
     * A group's outcomes, to whom {@link OutcomeAccess#mayRead} allows: organisers, analysts and the group's
     * facilitators at any stage, everyone
     * else signed in only once approved.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public GroupOutcomes outcomes(long groupId) {
        WorkshopGroup g = groups.findById(groupId).orElseThrow(() -> new AccessDeniedException("No such group"));
        editions.require(g.getEditionId());
        if (!access(g).mayRead(g.getState())) {
            throw new AccessDeniedException("Outcomes not published yet");
        }
        return snapshot(g);
    }

    /** Whether the caller may change this group's entries now (role, assignment and workflow state). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean canEditNow(long groupId) {
        return groups.findById(groupId).map(g -> access(g).mayEditNow(g.getState())).orElse(false);
    }

    /** The revision history with authors: organisers only (outcomes themselves carry no attribution). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<OutcomeRevisionSummary> history(long groupId) {
        return revisions.findByGroupIdOrderByIdDesc(groupId).stream().map(OutcomeRevisionSummary::of).toList();
    }

    // ---------------------------------------------------------------- entries

    @PreAuthorize("hasAnyRole('FACILITATOR','ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public OutcomeEntrySummary add(long groupId, EntryDraft draft) {
        WorkshopGroup g = lockEditable(groupId);
        validate(draft);
        OutcomeEntry e = new OutcomeEntry(groupId, entries.maxPosition(groupId) + 1, clock.instant());
        e.apply(draft.getType(), draft.getText(), draft.getOwnerOrganisationId(), draft.getDueDate(), clock.instant());
        e = entries.saveAndFlush(e);
        revise(e, OutcomeRevision.Kind.CREATED, null, null);
        return publish(g, e);
    }

    /**
     * Saves an edit made on the version the caller loaded. If someone saved in between, nothing is written and
     * {@link OutcomeConflictException} carries both texts.
     */
    @PreAuthorize("hasAnyRole('FACILITATOR','ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public OutcomeEntrySummary update(long entryId, long expectedVersion, EntryDraft draft) {
        Long groupId = entries.groupIdOf(entryId).orElse(null);
        if (groupId == null) {
            requireWriterRole();
            throw new OutcomeConflictException(draft.copy(), null);
        }
        WorkshopGroup g = lockEditable(groupId);
        OutcomeEntry e = entries.findForUpdate(entryId).orElseThrow(() -> new OutcomeConflictException(draft.copy(), null));
        if (e.getVersion() != expectedVersion) {
            throw new OutcomeConflictException(draft.copy(), summary(e, orgNames(List.of(e))));
        }
        validate(draft);
        EntryType typeBefore = e.getType();
        String textBefore = e.getText();
        e.apply(draft.getType(), draft.getText(), draft.getOwnerOrganisationId(), draft.getDueDate(), clock.instant());
        entries.flush();
        revise(e, OutcomeRevision.Kind.EDITED, typeBefore, textBefore);
        return publish(g, e);
    }

    @PreAuthorize("hasAnyRole('FACILITATOR','ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void delete(long entryId, long expectedVersion) {
        Long groupId = entries.groupIdOf(entryId).orElse(null);
        if (groupId == null) {
            return;
        }
        WorkshopGroup g = lockEditable(groupId);
        OutcomeEntry e = entries.findForUpdate(entryId).orElse(null);
        if (e == null) {
            return;
        }
        if (e.getVersion() != expectedVersion) {
            throw new OutcomeConflictException(null, summary(e, orgNames(List.of(e))));
        }
        revisions.save(new OutcomeRevision(e.getId(), e.getGroupId(), OutcomeRevision.Kind.DELETED, me().accountId(),
                me().displayName(), clock.instant(), e.getType(), e.getText(), null, null));
        entries.delete(e);
        entries.flush();
        renumber(g.getId());
        events.publishEvent(new OutcomesChanged(snapshot(g)));
    }

    /** Moves an entry one place up (-1) or down (+1). */
    @PreAuthorize("hasAnyRole('FACILITATOR','ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void move(long entryId, int direction) {
        long groupId = entries.groupIdOf(entryId).orElseThrow(() -> new OutcomeRejectedException("outcome.gone"));
        WorkshopGroup g = lockEditable(groupId);
        OutcomeEntry found = entries.findForUpdate(entryId).orElseThrow(() -> new OutcomeRejectedException("outcome.gone"));
        List<OutcomeEntry> list = new ArrayList<>(entries.findByGroupIdOrderByPositionAscIdAsc(g.getId()));
        int i = list.indexOf(found);
        int j = i + Integer.signum(direction);
        if (i < 0 || j < 0 || j >= list.size()) {
            return;
        }
        list.set(i, list.get(j));
        list.set(j, found);
        for (int k = 0; k < list.size(); k++) {
            list.get(k).moveTo(k + 1);
        }
        entries.flush();
        events.publishEvent(new OutcomesChanged(snapshot(g)));
    }

    /** Puts back the text an entry had at a revision (organisers; the restore is itself a revision). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public OutcomeEntrySummary restore(long revisionId) {
        OutcomeRevision r = revisions.findById(revisionId).orElseThrow(() -> new OutcomeRejectedException("outcome.gone"));
        String text = r.getTextAfter() != null ? r.getTextAfter() : r.getTextBefore();
        WorkshopGroup g = lockEditable(r.getGroupId());
        OutcomeEntry e = entries.findForUpdate(r.getEntryId()).orElseThrow(() -> new OutcomeRejectedException("outcome.restore-deleted"));
        EntryType typeBefore = e.getType();
        String textBefore = e.getText();
        e.apply(e.getType(), text, e.getOwnerOrganisationId(), e.getDueDate(), clock.instant());
        entries.flush();
        revise(e, OutcomeRevision.Kind.RESTORED, typeBefore, textBefore);
        return publish(g, e);
    }

    // ---------------------------------------------------------------- workflow

    /** Facilitators of the group (or organisers) hand a draft in for review. */
    @PreAuthorize("hasAnyRole('FACILITATOR','ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public GroupOutcomes submit(long groupId) {
        WorkshopGroup g = lockEditable(groupId);
        return transition(g, WorkflowState.SUBMITTED, "OUTCOMES_SUBMITTED", null);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public GroupOutcomes approve(long groupId) {
        WorkshopGroup g = lockInState(groupId, WorkflowState.SUBMITTED);
        return transition(g, WorkflowState.APPROVED, "OUTCOMES_APPROVED", null);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public GroupOutcomes lock(long groupId) {
        WorkshopGroup g = lockInState(groupId, WorkflowState.APPROVED);
        return transition(g, WorkflowState.LOCKED, "OUTCOMES_LOCKED", null);
    }

    /** Back to draft from submitted, approved or locked, with a reason that goes to the audit log. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public GroupOutcomes unlock(long groupId, String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.length() < REASON_MIN || r.length() > REASON_MAX) {
            throw new OutcomeRejectedException("workflow.reason-required");
        }
        WorkshopGroup g = groups.findForUpdate(groupId).orElseThrow(() -> new OutcomeRejectedException("outcome.gone"));
        if (g.getState() == WorkflowState.DRAFT) {
            throw new OutcomeRejectedException("workflow.wrong-state");
        }
        return transition(g, WorkflowState.DRAFT, "OUTCOMES_UNLOCKED", g.getState() + " -> DRAFT: " + r);
    }

    private GroupOutcomes transition(WorkshopGroup g, WorkflowState next, String action, String details) {
        String from = g.getState().name();
        g.changeState(next);
        groups.flush();
        audit.record(action, "workshop-group:" + g.getId(), details != null ? details : from + " -> " + next);
        GroupOutcomes snapshot = snapshot(g);
        events.publishEvent(new OutcomesChanged(snapshot));
        return snapshot;
    }

    // ---------------------------------------------------------------- helpers

    /** What the caller may do with this group's outcomes. */
    private static OutcomeAccess access(WorkshopGroup g) {
        return OutcomeAccess.ofCaller(g.getFacilitatorIds());
    }

    private WorkshopGroup lockEditable(long groupId) {
        WorkshopGroup g = groups.findForUpdate(groupId).orElseThrow(() -> new OutcomeRejectedException("outcome.gone"));
        if (!access(g).mayEdit()) {
            throw new AccessDeniedException("Not a facilitator of this group");
        }
        if (!g.getState().editable()) {
            throw new OutcomeRejectedException("workflow.read-only");
        }
        return g;
    }

    private WorkshopGroup lockInState(long groupId, WorkflowState expected) {
        WorkshopGroup g = groups.findForUpdate(groupId).orElseThrow(() -> new OutcomeRejectedException("outcome.gone"));
        if (g.getState() != expected) {
            throw new OutcomeRejectedException("workflow.wrong-state");
        }
        return g;
    }

    private static void requireWriterRole() {
        if (!CurrentAccount.hasRole(Role.ORGANISER) && !CurrentAccount.hasRole(Role.FACILITATOR)) {
            throw new AccessDeniedException("Not allowed");
        }
    }

    private void validate(EntryDraft draft) {
        if (draft == null) {
            throw new OutcomeRejectedException("outcome.invalid-text");
        }
        Validation.requireValid(validator, draft, broken -> new OutcomeRejectedException("outcome.invalid-text"));
        String text = draft.getText().strip();
        if (text.length() < OutcomeEntry.TEXT_MIN || text.length() > OutcomeEntry.TEXT_MAX) {
            throw new OutcomeRejectedException("outcome.invalid-text");
        }
        if (draft.getType() == EntryType.ACTION_POINT) {
            if (draft.getOwnerOrganisationId() == null || draft.getDueDate() == null) {
                throw new OutcomeRejectedException("outcome.action-point-incomplete");
            }
            if (organisations.find(draft.getOwnerOrganisationId()).isEmpty()) {
                throw new OutcomeRejectedException("outcome.action-point-incomplete");
            }
        }
    }

    private void revise(OutcomeEntry e, OutcomeRevision.Kind kind, EntryType typeBefore, String textBefore) {
        AccountPrincipal me = me();
        revisions.save(new OutcomeRevision(e.getId(), e.getGroupId(), kind, me.accountId(), me.displayName(),
                clock.instant(), typeBefore, textBefore, e.getType(), e.getText()));
    }

    private static AccountPrincipal me() {
        return CurrentAccount.require();
    }

    private void renumber(long groupId) {
        List<OutcomeEntry> list = entries.findByGroupIdOrderByPositionAscIdAsc(groupId);
        for (int k = 0; k < list.size(); k++) {
            list.get(k).moveTo(k + 1);
        }
        entries.flush();
    }

    private OutcomeEntrySummary publish(WorkshopGroup g, OutcomeEntry changed) {
        GroupOutcomes snapshot = snapshot(g);
        events.publishEvent(new OutcomesChanged(snapshot));
        return snapshot.entries().stream().filter(v -> v.id() == changed.getId()).findFirst()
                .orElseGet(() -> summary(changed, orgNames(List.of(changed))));
    }

    GroupOutcomes snapshot(WorkshopGroup g) {
        List<OutcomeEntry> list = entries.findByGroupIdOrderByPositionAscIdAsc(g.getId());
        Map<Long, String> names = orgNames(list);
        return new GroupOutcomes(workshops.summary(g, workshops.facilitatorNames(g.getFacilitatorIds())),
                list.stream().map(e -> summary(e, names)).toList());
    }

    Map<Long, String> orgNames(Collection<OutcomeEntry> list) {
        List<Long> ids = list.stream().map(OutcomeEntry::getOwnerOrganisationId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        organisations.findAll(ids).forEach((id, ref) -> names.put(id, ref.name()));
        return names;
    }

    static OutcomeEntrySummary summary(OutcomeEntry e, Map<Long, String> orgNames) {
        return new OutcomeEntrySummary(e.getId(), e.getGroupId(), e.getType(), e.getText(), e.getOwnerOrganisationId(),
                e.getOwnerOrganisationId() == null ? null : orgNames.get(e.getOwnerOrganisationId()),
                e.getDueDate(), e.getPosition(), e.getVersion());
    }
}
