package org.ngoplatform.workshop;

import jakarta.validation.Validator;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Validation;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Workshop groups of an edition: organisers define them and assign facilitators. */
@Service
public class WorkshopService {

    private final WorkshopGroupRepository groups;
    private final EditionService editions;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Validator validator;
    private final MembershipRepository memberships;
    private final ProgrammeService programme;

    WorkshopService(WorkshopGroupRepository groups, EditionService editions, AccountService accounts, AuditLog audit,
                    Validator validator, MembershipRepository memberships, ProgrammeService programme) {
        this.memberships = memberships;
        this.programme = programme;
        this.groups = groups;
        this.editions = editions;
        this.accounts = accounts;
        this.audit = audit;
        this.validator = validator;
    }

    /** The groups of an edition the caller may see. Public; facilitator names only for signed-in callers. */
    @Transactional(readOnly = true)
    public List<WorkshopGroupSummary> groupsOf(long editionId) {
        editions.require(editionId);
        List<WorkshopGroup> found = groups.findByEditionIdOrderBySortOrderAscIdAsc(editionId);
        Map<Long, String> names = facilitatorNames(found.stream().flatMap(g -> g.getFacilitatorIds().stream()).toList());
        Map<Long, GroupSlot> slots = slotsOf(editionId);
        return found.stream().map(g -> summary(g, names, slots)).toList();
    }

    /** The workshop slots of the edition's programme a group can be linked to, in order of time. Public, as the programme is. */
    @Transactional(readOnly = true)
    public List<GroupSlot> workshopSlots(long editionId) {
        return programme.programme(editionId).map(p -> p.sessions().stream()
                .filter(s -> s.kind() == org.ngoplatform.programme.SessionKind.WORKSHOP_SLOT)
                .map(s -> new GroupSlot(s.id(), s.title(), s.startsAt(), s.endsAt(), p.zone())).toList()).orElse(List.of());
    }

    /** The groups the signed-in facilitator facilitates, newest edition first. */
    @PreAuthorize("hasRole('FACILITATOR')")
    @Transactional(readOnly = true)
    public List<WorkshopGroupSummary> facilitatedByMe() {
        List<WorkshopGroup> found = groups.facilitatedBy(CurrentAccount.requireId()).stream()
                .sorted(java.util.Comparator.comparingLong(WorkshopGroup::getEditionId).reversed()
                        .thenComparingInt(WorkshopGroup::getSortOrder).thenComparing(WorkshopGroup::getId))
                .toList();
        Map<Long, String> names = facilitatorNames(found.stream().flatMap(g -> g.getFacilitatorIds().stream()).toList());
        Map<Long, Map<Long, GroupSlot>> slots = new java.util.HashMap<>();
        return found.stream().map(g -> summary(g, names, slots.computeIfAbsent(g.getEditionId(), this::slotsOf))).toList();
    }

    /** The group with this id, empty when there is none. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<WorkshopGroupSummary> findGroup(long groupId) {
        return groups.findById(groupId).map(g -> summary(g, facilitatorNames(g.getFacilitatorIds())));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WorkshopGroupSummary group(long groupId) {
        WorkshopGroup g = groups.findById(groupId).orElseThrow(() -> new AccessDeniedException("No such group"));
        editions.require(g.getEditionId());
        return summary(g, facilitatorNames(g.getFacilitatorIds()));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public WorkshopGroupSummary createGroup(long editionId, GroupForm form) {
        editions.require(editionId);
        validate(form);
        requireSlotOf(editionId, form);
        WorkshopGroup g = new WorkshopGroup(editionId, groups.maxSortOrder(editionId) + 1);
        g.apply(form);
        g = groups.saveAndFlush(g);
        audit.record("WORKSHOP_GROUP_CREATED", "workshop-group:" + g.getId(), g.getTitle());
        return summary(g, Map.of());
    }

    /**
     * Saves an organiser's changes; {@code expectedVersion} guards against overwriting another organiser's.
     * Under the edition lock (read committed, so member counts read after it are current): places cannot drop
     * below the members, a new slot must not give a member two groups in it, and a plenary has no members.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public WorkshopGroupSummary updateGroup(long groupId, long expectedVersion, GroupForm form) {
        validate(form);
        long editionId = groups.editionIdOf(groupId).orElseThrow(() -> new WorkshopGroupRejectedException("membership.group-gone"));
        requireSlotOf(editionId, form);
        // the edition lock first, as every membership change takes it: members cannot change underneath
        editions.lockForSeatChange(editionId);
        WorkshopGroup g = groups.findForUpdate(groupId).orElseThrow();
        if (g.getVersion() != expectedVersion) {
            throw new WorkshopGroupRejectedException("group.changed-meanwhile");
        }
        long members = memberships.countByGroupId(groupId);
        if (!form.isPlenary() && form.getCapacity() != null && form.getCapacity() < members) {
            throw new WorkshopGroupRejectedException("group.capacity-below-members");
        }
        String slotBefore = Membership.slotKey(g);
        g.apply(form);
        String slotAfter = Membership.slotKey(g);
        if (g.isPlenary()) {
            // everyone belongs to a plenary: individual places are given up
            int removed = memberships.deleteByGroup(groupId);
            if (removed > 0) {
                audit.record("MEMBERSHIP_RELEASED", "workshop-group:" + groupId, "plenary, members=" + removed);
            }
        } else if (!slotBefore.equals(slotAfter)) {
            // members keep one group per slot: refuse if one of them already has a group in the new slot
            if (memberships.countSlotConflicts(groupId, slotAfter) > 0) {
                throw new WorkshopGroupRejectedException("group.slot-conflict");
            }
            memberships.changeSlot(groupId, slotAfter);
        }
        groups.flush();
        return summary(g, facilitatorNames(g.getFacilitatorIds()));
    }

    /**
     * Makes an account a facilitator of the group, granting the FACILITATOR role if needed; refused for an account
     * that cannot sign in (disabled or erased), which would hold the role for nobody.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public WorkshopGroupSummary addFacilitator(long groupId, long accountId) {
        WorkshopGroup g = groups.findForUpdate(groupId).orElseThrow();
        if (!accounts.grantRole(accountId, Role.FACILITATOR)) {
            throw new WorkshopGroupRejectedException("group.facilitator.unavailable");
        }
        if (g.addFacilitator(accountId)) {
            audit.record("FACILITATOR_ASSIGNED", "workshop-group:" + groupId, "account:" + accountId);
        }
        groups.flush();
        return summary(g, facilitatorNames(g.getFacilitatorIds()));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public WorkshopGroupSummary removeFacilitator(long groupId, long accountId) {
        WorkshopGroup g = groups.findForUpdate(groupId).orElseThrow();
        if (g.removeFacilitator(accountId)) {
            audit.record("FACILITATOR_REMOVED", "workshop-group:" + groupId, "account:" + accountId);
        }
        groups.flush();
        return summary(g, facilitatorNames(g.getFacilitatorIds()));
    }

    /** Fields in the order their problems are reported; each has its own message in messages-workshop. */
    private static final List<String> GROUP_FIELDS = List.of("title", "description", "sessionSlot", "room", "capacity");

    /** Checks again what the form checked (the browser can be bypassed), before anything is locked or written. */
    private void validate(GroupForm form) {
        if (form == null) {
            throw new WorkshopGroupRejectedException("group.invalid");
        }
        Validation.requireValid(validator, form, GROUP_FIELDS, broken -> new WorkshopGroupRejectedException(
                GROUP_FIELDS.contains(Validation.field(broken)) ? "group.invalid." + Validation.field(broken) : "group.invalid"));
    }

    /**
     * A picked slot must be a workshop slot of the group's own edition's programme (not cancelled); refused before
     * anything is locked or written, with the message shown next to the picker.
     */
    private void requireSlotOf(long editionId, GroupForm form) {
        Long sessionId = form.getProgrammeSessionId();
        if (sessionId != null && programme.workshopSlots(editionId).stream().noneMatch(s -> s.id() == sessionId)) {
            throw new WorkshopGroupRejectedException("group.invalid.programmeSessionId");
        }
    }

    /** The edition's workshop slots as groups show them, by session id (empty when it has none). */
    Map<Long, GroupSlot> slotsOf(long editionId) {
        return programme.programme(editionId).map(p -> {
            Map<Long, GroupSlot> slots = new java.util.HashMap<>();
            for (SessionSummary s : p.sessions()) {
                slots.put(s.id(), new GroupSlot(s.id(), s.title(), s.startsAt(), s.endsAt(), p.zone()));
            }
            return slots;
        }).orElse(Map.of());
    }

    WorkshopGroupSummary summary(WorkshopGroup g, Map<Long, String> names) {
        return summary(g, names, g.getProgrammeSessionId() == null ? Map.of() : slotsOf(g.getEditionId()));
    }

    WorkshopGroupSummary summary(WorkshopGroup g, Map<Long, String> names, Map<Long, GroupSlot> slots) {
        return WorkshopGroupSummary.of(g, g.getProgrammeSessionId() == null ? null : slots.get(g.getProgrammeSessionId()),
                g.getFacilitatorIds().stream().map(names::get).filter(Objects::nonNull).sorted().toList());
    }

    Map<Long, String> facilitatorNames(Collection<Long> ids) {
        if (ids.isEmpty() || CurrentAccount.get().isEmpty()) {
            return Map.of();
        }
        return accounts.displayNames(new HashSet<>(ids));
    }
}
