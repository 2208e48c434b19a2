package org.ngoplatform.workshop;

import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Group membership: confirmed participants join one group per session slot, switch while places remain, and
 * leave; organisers move people. Every change takes the edition's row lock first
 * ({@link EditionService#lockForSeatChange(long)}, as registration does), so membership changes of one edition
 * are serialised with each other and with cancellations: concurrent joins never exceed a group's capacity and
 * nobody keeps a place after their registration is cancelled. Plenary groups have no member rows: everyone
 * confirmed belongs to them. While ranked choosing of a workshop slot is open and unpublished ({@link ChoosingService}),
 * participants do not join its groups here.
 */
@Service
public class MembershipService {

    private final WorkshopGroupRepository groups;
    private final MembershipRepository memberships;
    private final EditionService editions;
    private final RegistrationService registrations;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ChoosingRepository choosings;

    MembershipService(WorkshopGroupRepository groups, MembershipRepository memberships, EditionService editions,
                      RegistrationService registrations, AccountService accounts, AuditLog audit, Clock clock,
                      ChoosingRepository choosings) {
        this.choosings = choosings;
        this.groups = groups;
        this.memberships = memberships;
        this.editions = editions;
        this.registrations = registrations;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Members per (non-plenary) group of an edition, for "places left". Public like the groups: no names. */
    @Transactional(readOnly = true)
    public Map<Long, Long> memberCounts(long editionId) {
        editions.require(editionId);
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : memberships.countsByGroup(editionId)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The caller's groups in the edition, and whether they may join at all (a confirmed seat). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public MyGroups mine(long editionId) {
        long me = CurrentAccount.requireId();
        Set<Long> ids = memberships.findByEditionIdAndAccountId(editionId, me).stream()
                .map(Membership::getGroupId).collect(Collectors.toSet());
        return new MyGroups(registrations.isConfirmed(editionId, me), ids);
    }

    /**
     * The caller joins a group; a place they hold in another group of the same slot is given up in the same
     * transaction (a switch), and kept when the new group is full. Needs a confirmed registration.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void join(long groupId) {
        long me = CurrentAccount.requireId();
        long editionId = editionOf(groupId);
        EditionSummary edition = editions.lockForSeatChange(editionId);
        requireOpen(edition);
        WorkshopGroup target = groups.findById(groupId).orElseThrow(() -> new MembershipRejectedException("membership.group-gone"));
        if (!registrations.isConfirmed(editionId, me)) {
            throw new MembershipRejectedException("membership.not-confirmed");
        }
        // while the slot's places are shared out from ranked choices, nobody takes one first come, first served
        if (target.getProgrammeSessionId() != null && choosings.findById(target.getProgrammeSessionId())
                .filter(c -> c.getPublishedAt() == null).isPresent()) {
            throw new MembershipRejectedException("membership.choosing-open");
        }
        place(me, target);
    }

    /** The caller gives up their place in a group (nothing happens when they hold none). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void leave(long groupId) {
        long me = CurrentAccount.requireId();
        EditionSummary edition = editions.lockForSeatChange(editionOf(groupId));
        requireOpen(edition);
        memberships.findById(new Membership.Key(groupId, me)).ifPresent(m -> {
            memberships.delete(m);
            memberships.flush();
        });
    }

    /**
     * An organiser puts a confirmed participant into a group, giving up the group they held in that slot (a
     * move between the slot's groups, or an assignment when they held none). Capacity holds for organisers too.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void move(long accountId, long toGroupId) {
        long editionId = editionOf(toGroupId);
        editions.lockForSeatChange(editionId);
        WorkshopGroup target = groups.findById(toGroupId).orElseThrow(() -> new MembershipRejectedException("membership.group-gone"));
        if (!registrations.isConfirmed(editionId, accountId)) {
            throw new MembershipRejectedException("membership.not-confirmed");
        }
        Optional<Long> from = place(accountId, target);
        audit.record("MEMBERSHIP_MOVED", "workshop-group:" + toGroupId,
                "account:" + accountId + from.map(f -> " from workshop-group:" + f).orElse(""));
    }

    /** An organiser takes a participant out of a group. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void remove(long accountId, long groupId) {
        editions.lockForSeatChange(editionOf(groupId));
        memberships.findById(new Membership.Key(groupId, accountId)).ifPresent(m -> {
            memberships.delete(m);
            memberships.flush();
            audit.record("MEMBERSHIP_REMOVED", "workshop-group:" + groupId, "account:" + accountId);
        });
    }

    /**
     * Members of a group with name and organisation: only for the group's own facilitators and organisers.
     * A plenary's members are everyone with a confirmed seat.
     */
    @PreAuthorize("hasAnyRole('FACILITATOR', 'ORGANISER')")
    @Transactional(readOnly = true)
    public List<MemberSummary> roster(long groupId) {
        WorkshopGroup g = groups.findById(groupId).orElseThrow(() -> new AccessDeniedException("No such group"));
        if (!OutcomeAccess.ofCaller(g.getFacilitatorIds()).maySeeRoster()) {
            throw new AccessDeniedException("Rosters are for the group's facilitators and organisers");
        }
        List<Long> ids = g.isPlenary() ? registrations.confirmedAccountIds(g.getEditionId())
                : memberships.findByGroupId(groupId).stream().map(Membership::getAccountId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = accounts.displayNames(ids);
        Map<Long, String> organisations = registrations.organisationsOf(g.getEditionId(), ids);
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        return ids.stream().map(id -> new MemberSummary(id, names.getOrDefault(id, "#" + id), organisations.get(id)))
                .sorted(Comparator.comparing(MemberSummary::displayName, collator).thenComparing(MemberSummary::accountId)).toList();
    }

    /** Cancelling a registration gives up the person's places; runs inside the cancelling transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void release(long editionId, long accountId) {
        int removed = memberships.deleteByEditionAndAccount(editionId, accountId);
        if (removed > 0) {
            audit.record("MEMBERSHIP_RELEASED", "edition:" + editionId, "account:" + accountId + ", groups=" + removed);
        }
    }

    // ---------------------------------------------------------------- internals

    private long editionOf(long groupId) {
        return groups.editionIdOf(groupId).orElseThrow(() -> new MembershipRejectedException("membership.group-gone"));
    }

    private void requireOpen(EditionSummary edition) {
        if (edition.isPast(LocalDate.now(clock.withZone(ZoneId.of(edition.timeZone()))))) {
            throw new MembershipRejectedException("membership.closed");
        }
    }

    /** Under the edition lock: the account's place in the target's slot becomes the target. Returns the old group. */
    private Optional<Long> place(long accountId, WorkshopGroup target) {
        if (target.isPlenary()) {
            throw new MembershipRejectedException("membership.plenary");
        }
        String slot = Membership.slotKey(target);
        Optional<Membership> current = memberships.findByEditionIdAndAccountIdAndSessionSlot(target.getEditionId(), accountId, slot);
        if (current.isPresent() && current.get().getGroupId().equals(target.getId())) {
            return Optional.empty();
        }
        Integer capacity = target.getCapacity();
        if (capacity != null && memberships.countByGroupId(target.getId()) >= capacity) {
            throw new MembershipRejectedException("membership.full");
        }
        current.ifPresent(m -> {
            memberships.delete(m);
            memberships.flush();
        });
        memberships.saveAndFlush(new Membership(target, accountId, clock.instant()));
        return current.map(Membership::getGroupId);
    }

    /** The caller's membership in an edition. */
    public record MyGroups(boolean confirmed, Set<Long> groupIds) {
    }

    /** A roster line: what a group's facilitators and organisers see of a member. */
    public record MemberSummary(long accountId, String displayName, String organisation) {
    }
}
