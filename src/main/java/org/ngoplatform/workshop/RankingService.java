package org.ngoplatform.workshop;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A participant's side of ranked choosing (organisers open, allocate and publish through {@link ChoosingService}):
 * anyone signed in reads a slot's choosing, a participant reads and changes their own ranking of the slot's groups
 * until the deadline or publication. A ranking changes under the edition's row lock, as every choosing change does.
 */
@Service
public class RankingService {

    private final ChoosingRepository choosings;
    private final RankedChoiceRepository rankings;
    private final WorkshopGroupRepository groups;
    private final WorkshopService workshops;
    private final EditionService editions;
    private final RegistrationService registrations;
    private final Clock clock;

    RankingService(ChoosingRepository choosings, RankedChoiceRepository rankings, WorkshopGroupRepository groups,
                   WorkshopService workshops, EditionService editions, RegistrationService registrations, Clock clock) {
        this.choosings = choosings;
        this.rankings = rankings;
        this.groups = groups;
        this.workshops = workshops;
        this.editions = editions;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Choosing of the slot, empty when none was opened (or the caller may not see its edition). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<ChoosingSummary> choosing(long sessionId) {
        return choosings.findById(sessionId).flatMap(c -> slotsOf(c.getEditionId()).entrySet().stream()
                .filter(e -> e.getKey() == sessionId).findFirst().map(e -> ChoosingSummary.of(c, e.getValue())));
    }

    /** The caller's own ranking of the slot with its groups; empty when no choosing was opened for it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<MyRanking> mine(long sessionId) {
        long me = CurrentAccount.requireId();
        return choosing(sessionId).map(c -> {
            Map<Long, GroupSlot> slots = Map.of(sessionId, c.slot());
            List<WorkshopGroupSummary> slotGroups = slotGroups(sessionId).stream()
                    .map(g -> workshops.summary(g, Map.of(), slots)).toList();
            List<Long> ranked = rankings.findBySessionIdAndAccountIdOrderByChoiceNoAsc(sessionId, me).stream()
                    .map(RankedChoice::getGroupId).toList();
            boolean confirmed = registrations.isConfirmed(c.editionId(), me);
            return new MyRanking(c, slotGroups, ranked, confirmed, confirmed && c.acceptsRankings(clock.instant()));
        });
    }

    /**
     * The caller ranks the slot's groups (first choice first), replacing their earlier ranking. Refused, with
     * nothing changed: no choosing, after the deadline or publication, without a confirmed seat, an empty ranking,
     * a group twice, a group not of this slot (another slot's, another edition's, a plenary).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Long> rank(long sessionId, List<Long> groupIds) {
        long me = CurrentAccount.requireId();
        long editionId = choosings.editionIdOf(sessionId)
                .orElseThrow(() -> new ChoosingRejectedException("ranking", "choosing.not-open"));
        editions.lockForSeatChange(editionId);
        Choosing c = choosings.findForUpdate(sessionId).orElseThrow();
        Instant now = clock.instant();
        if (!c.acceptsRankings(now)) {
            throw new ChoosingRejectedException("ranking", "choosing.closed");
        }
        if (!registrations.isConfirmed(editionId, me)) {
            throw new ChoosingRejectedException("ranking", "choosing.not-confirmed");
        }
        if (groupIds == null || groupIds.isEmpty()) {
            throw new ChoosingRejectedException("ranking", "choosing.invalid.empty");
        }
        if (groupIds.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(groupIds).size() != groupIds.size()) {
            throw new ChoosingRejectedException("ranking", "choosing.invalid.duplicate");
        }
        Set<Long> ofSlot = new HashSet<>();
        slotGroups(sessionId).forEach(g -> ofSlot.add(g.getId()));
        if (!ofSlot.containsAll(groupIds)) {
            throw new ChoosingRejectedException("ranking", "choosing.invalid.foreign-group");
        }
        List<RankedChoice> before = rankings.findBySessionIdAndAccountIdOrderByChoiceNoAsc(sessionId, me);
        Instant first = before.isEmpty() ? now : before.getFirst().getFirstRankedAt();
        rankings.deleteAll(before);
        rankings.flush();
        for (int i = 0; i < groupIds.size(); i++) {
            rankings.save(new RankedChoice(sessionId, me, i + 1, groupIds.get(i), first));
        }
        rankings.flush();
        return List.copyOf(groupIds);
    }

    /** Choosing of the edition's slots by session id (for a participant's own programme). */
    Map<Long, ChoosingSummary> choosingsOf(long editionId, Map<Long, GroupSlot> slots) {
        Map<Long, ChoosingSummary> result = new LinkedHashMap<>();
        for (Choosing c : choosings.findByEditionIdOrderByClosesAtAscSessionIdAsc(editionId)) {
            GroupSlot slot = slots.get(c.getSessionId());
            if (slot != null) result.put(c.getSessionId(), ChoosingSummary.of(c, slot));
        }
        return result;
    }

    /** The slot's groups people can be placed in (plenaries have no places). */
    List<WorkshopGroup> slotGroups(long sessionId) {
        return groups.findByProgrammeSessionIdOrderBySortOrderAscIdAsc(sessionId).stream()
                .filter(g -> !g.isPlenary()).toList();
    }

    /** The edition's workshop slots by session id. */
    Map<Long, GroupSlot> slotsOf(long editionId) {
        Map<Long, GroupSlot> slots = new HashMap<>();
        workshops.workshopSlots(editionId).forEach(s -> slots.put(s.sessionId(), s));
        return slots;
    }
}
