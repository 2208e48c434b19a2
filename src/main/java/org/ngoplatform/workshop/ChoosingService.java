package org.ngoplatform.workshop;

import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.MailContact;
import org.ngoplatform.account.MailContacts;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.allocation.Allocation;
import org.ngoplatform.workshop.allocation.AllocationProblem;
import org.ngoplatform.workshop.allocation.GroupSeats;
import org.ngoplatform.workshop.allocation.Ranking;
import org.ngoplatform.workshop.allocation.WorkshopAllocator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranked workshop choices of one workshop slot (a programme session) and their allocation. An organiser opens
 * choosing with a deadline; confirmed participants rank the slot's groups until then (or until publication); the
 * organiser previews the optimal allocation ({@link WorkshopAllocator#optimal}, ties broken by the choosing's seed)
 * next to the first-come-first-served baseline, moves people by hand and publishes: memberships written and a mail
 * queued per participant in one transaction. Publishing again needs an audited unpublish first.
 * <p>
 * Members of the slot's groups who did not rank keep their places: the allocation shares out what is left. Someone
 * who ranked gives up the place they held in the slot when the allocation is published. While choosing is open and
 * not published nobody joins the slot's groups first come, first served ({@link MembershipService#join}); after
 * publication they do again. Every change takes the edition's row lock first, as membership changes do.
 * <p>
 * This is the organisers' side; participants read choosing and rank through {@link RankingService}.
 */
@Service
public class ChoosingService {

    private final ChoosingRepository choosings;
    private final RankedChoiceRepository rankings;
    private final WorkshopGroupRepository groups;
    private final MembershipRepository memberships;
    private final WorkshopService workshops;
    private final EditionService editions;
    private final RegistrationService registrations;
    private final AccountService accounts;
    private final MailContacts contacts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;
    private final RankingService ranking;
    private final SecureRandom random = new SecureRandom();

    ChoosingService(ChoosingRepository choosings, RankedChoiceRepository rankings, WorkshopGroupRepository groups,
                    MembershipRepository memberships, WorkshopService workshops, EditionService editions,
                    RegistrationService registrations, AccountService accounts, MailContacts contacts, AuditLog audit,
                    ApplicationEventPublisher events, Clock clock, RankingService ranking,
                    @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.ranking = ranking;
        this.choosings = choosings;
        this.rankings = rankings;
        this.groups = groups;
        this.memberships = memberships;
        this.workshops = workshops;
        this.editions = editions;
        this.registrations = registrations;
        this.accounts = accounts;
        this.contacts = contacts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // ---------------------------------------------------------------- organisers: open, preview, move, publish

    /**
     * Opens choosing for a workshop slot until {@code form}'s deadline (in the edition's zone), or moves the deadline
     * of open choosing. The slot needs groups; the deadline must lie ahead and no later than the slot's start.
     * Refused after publication (unpublish first). A new choosing draws the seed of its allocation.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ChoosingSummary open(long sessionId, ChoosingForm form) {
        if (form == null || form.getClosesAt() == null) {
            throw new ChoosingRejectedException("closesAt", "choosing.invalid.closesAt.required");
        }
        List<WorkshopGroup> slotGroups = ranking.slotGroups(sessionId);
        if (slotGroups.isEmpty()) {
            throw new ChoosingRejectedException(null, "choosing.no-groups");
        }
        long editionId = slotGroups.getFirst().getEditionId();
        GroupSlot slot = slot(editionId, sessionId);
        Instant closes = form.getClosesAt().atZone(slot.zone()).toInstant();
        Instant now = clock.instant();
        if (!closes.isAfter(now)) {
            throw new ChoosingRejectedException("closesAt", "choosing.invalid.closesAt.past");
        }
        if (closes.isAfter(slot.startsAt())) {
            throw new ChoosingRejectedException("closesAt", "choosing.invalid.closesAt.after-start");
        }
        editions.lockForSeatChange(editionId);
        Optional<Choosing> existing = choosings.findForUpdate(sessionId);
        Choosing c;
        if (existing.isPresent()) {
            c = existing.get();
            if (c.getPublishedAt() != null) {
                throw new ChoosingRejectedException(null, "choosing.already-published");
            }
            c.closeAt(closes);
            audit.record("WORKSHOP_CHOOSING_CHANGED", "edition:" + editionId, describe(slot) + ", closes " + closes);
        } else {
            c = choosings.save(new Choosing(sessionId, editionId, closes, now, random.nextLong() & Long.MAX_VALUE));
            audit.record("WORKSHOP_CHOOSING_OPENED", "edition:" + editionId,
                    describe(slot) + ", closes " + closes + ", seed " + c.getSeed());
        }
        choosings.flush();
        return ChoosingSummary.of(c, slot);
    }

    /**
     * The optimal allocation of the slot under the choosing's seed, the same as draft, and the first-come-first-served
     * baseline on the same rankings. Refused once published (unpublish first).
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public AllocationPreview preview(long sessionId) {
        Choosing c = choosings.findById(sessionId).orElseThrow(() -> new ChoosingRejectedException(null, "choosing.not-open"));
        requireUnpublished(c);
        Built b = build(c);
        return preview(b, null);
    }

    /**
     * Moves one person of the preview's draft into another group of the slot (capacities hold, see
     * {@link Allocation#move}); refused when the rankings or places changed since the preview was computed. Each
     * move computes the optimal allocation again for its figures (1,000 people × 30 groups: 16–33 ms CPU,
     * docs/performance.md), so no draft is stored between requests.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public AllocationPreview move(AllocationPreview draft, long participantId, long toGroupId) {
        Built b = current(draft);
        return preview(b, Allocation.of(b.problem, draft.draft().placements()).move(participantId, toGroupId));
    }

    /**
     * Publishes the preview's draft in one transaction: everyone who ranked gives up their place in the slot and
     * takes the one the draft gives them, gets a mail in their language (their group, or that no place was left),
     * and the choosing is closed as published. Refused when already published, or when the rankings or places
     * changed since the preview (nothing is written then). Returns how many got a place.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int publish(AllocationPreview draft) {
        long sessionId = draft.choosing().sessionId();
        long editionId = choosings.editionIdOf(sessionId)
                .orElseThrow(() -> new ChoosingRejectedException(null, "choosing.not-open"));
        EditionSummary edition = editions.lockForSeatChange(editionId);
        Built b = current(draft);
        Allocation allocation = Allocation.of(b.problem, draft.draft().placements());
        String slotKey = Membership.sessionKey(sessionId);
        for (Ranking r : b.problem.rankings()) {
            memberships.findByEditionIdAndAccountIdAndSessionSlot(editionId, r.participantId(), slotKey)
                    .ifPresent(memberships::delete);
        }
        memberships.flush();
        Instant now = clock.instant();
        Map<Long, WorkshopGroup> byId = new HashMap<>();
        b.groups.forEach(g -> byId.put(g.getId(), g));
        allocation.placements().forEach((accountId, groupId) ->
                memberships.save(new Membership(byId.get(groupId), accountId, now)));
        memberships.flush();
        for (Ranking r : b.problem.rankings()) {
            mail(r.participantId(), edition, b.slot, allocation.groupOf(r.participantId()).map(byId::get).orElse(null));
        }
        b.choosing.published(now);
        choosings.flush();
        int placed = allocation.placements().size();
        audit.record("WORKSHOP_ALLOCATION_PUBLISHED", "edition:" + editionId, describe(b.slot) + ", placed "
                + placed + " of " + b.problem.rankings().size() + ", moved by hand " + moved(allocation,
                WorkshopAllocator.optimal(b.problem, b.choosing.getSeed())) + ", seed " + b.choosing.getSeed());
        return placed;
    }

    /**
     * Takes a published allocation back: the places it gave to people who ranked are withdrawn (each told by mail in
     * their language) and choosing is open again (until its deadline), so it can be allocated anew. Audited. Refused
     * when nothing is published.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int unpublish(long sessionId) {
        long editionId = choosings.editionIdOf(sessionId)
                .orElseThrow(() -> new ChoosingRejectedException(null, "choosing.not-open"));
        editions.lockForSeatChange(editionId);
        Choosing c = choosings.findForUpdate(sessionId).orElseThrow();
        if (c.getPublishedAt() == null) {
            throw new ChoosingRejectedException(null, "choosing.not-published");
        }
        String slotKey = Membership.sessionKey(sessionId);
        GroupSlot slot = slot(editionId, sessionId);
        EditionSummary edition = editions.require(editionId);
        int withdrawn = 0;
        for (long accountId : rankings.rankers(sessionId)) {
            Optional<Membership> m = memberships.findByEditionIdAndAccountIdAndSessionSlot(editionId, accountId, slotKey);
            if (m.isPresent()) {
                memberships.delete(m.get());
                withdrawn++;
                WorkshopGroup group = groups.findById(m.get().getGroupId()).orElse(null);
                if (group != null) mail(MailTemplate.WORKSHOP_WITHDRAWN, accountId, edition, slot, group);
            }
        }
        memberships.flush();
        c.published(null);
        choosings.flush();
        audit.record("WORKSHOP_ALLOCATION_UNPUBLISHED", "edition:" + editionId,
                describe(slot) + ", places withdrawn " + withdrawn);
        return withdrawn;
    }

    /** Choosing of every slot of the edition that has it, with how many confirmed participants ranked. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<ChoosingProgress> progress(long editionId) {
        Set<Long> confirmed = new HashSet<>(registrations.confirmedAccountIds(editionId));
        Map<Long, GroupSlot> slots = ranking.slotsOf(editionId);
        List<ChoosingProgress> result = new ArrayList<>();
        for (Choosing c : choosings.findByEditionIdOrderByClosesAtAscSessionIdAsc(editionId)) {
            GroupSlot slot = slots.get(c.getSessionId());
            if (slot == null) continue;
            long ranked = rankings.rankers(c.getSessionId()).stream().filter(confirmed::contains).count();
            result.add(new ChoosingProgress(ChoosingSummary.of(c, slot), ranked, confirmed.size()));
        }
        return result;
    }

    /**
     * The workshop slot a session is, when it holds groups people can be placed in (where choosing can be opened);
     * empty otherwise.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<GroupSlot> slotFor(long sessionId) {
        List<WorkshopGroup> slotGroups = ranking.slotGroups(sessionId);
        if (slotGroups.isEmpty()) return Optional.empty();
        return Optional.ofNullable(ranking.slotsOf(slotGroups.getFirst().getEditionId()).get(sessionId));
    }

    /** A participant's ranking of the slot (group ids, first choice first), for organisers. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<Long> rankingOf(long sessionId, long accountId) {
        return rankings.findBySessionIdAndAccountIdOrderByChoiceNoAsc(sessionId, accountId).stream()
                .map(RankedChoice::getGroupId).toList();
    }

    // ---------------------------------------------------------------- internals

    /** What an allocation of the slot starts from, read under the caller's transaction. */
    private record Built(Choosing choosing, GroupSlot slot, List<WorkshopGroup> groups, Map<Long, Integer> seats,
                         AllocationProblem problem, String fingerprint) {
    }

    private Built build(Choosing c) {
        long sessionId = c.getSessionId();
        GroupSlot slot = slot(c.getEditionId(), sessionId);
        List<WorkshopGroup> slotGroups = ranking.slotGroups(sessionId);
        Set<Long> groupIds = new HashSet<>();
        slotGroups.forEach(g -> groupIds.add(g.getId()));
        Set<Long> confirmed = new HashSet<>(registrations.confirmedAccountIds(c.getEditionId()));
        // people in the order they first ranked; choices of groups no longer in the slot are left out
        Map<Long, List<Long>> ranked = new LinkedHashMap<>();
        for (RankedChoice r : rankings.inRankingOrder(sessionId)) {
            if (confirmed.contains(r.getAccountId()) && groupIds.contains(r.getGroupId())) {
                ranked.computeIfAbsent(r.getAccountId(), a -> new ArrayList<>()).add(r.getGroupId());
            }
        }
        Map<Long, Integer> seats = new LinkedHashMap<>();
        List<GroupSeats> groupSeats = new ArrayList<>();
        for (WorkshopGroup g : slotGroups) {
            long others = memberships.findByGroupId(g.getId()).stream()
                    .filter(m -> !ranked.containsKey(m.getAccountId())).count();
            int free = g.getCapacity() == null ? ranked.size() : (int) Math.max(0, g.getCapacity() - others);
            seats.put(g.getId(), free);
            groupSeats.add(new GroupSeats(g.getId(), free));
        }
        List<Ranking> list = ranked.entrySet().stream().map(e -> new Ranking(e.getKey(), e.getValue())).toList();
        AllocationProblem problem = new AllocationProblem(groupSeats, list);
        StringBuilder canonical = new StringBuilder().append(c.getSeed()).append('|').append(seats).append('|');
        list.forEach(r -> canonical.append(r.participantId()).append(r.groupIds()).append(';'));
        return new Built(c, slot, slotGroups, seats, problem, sha256(canonical.toString()));
    }

    /** The slot as the draft was computed for: refused when published since, or rankings or places changed. */
    private Built current(AllocationPreview draft) {
        Choosing c = choosings.findById(draft.choosing().sessionId())
                .orElseThrow(() -> new ChoosingRejectedException(null, "choosing.not-open"));
        requireUnpublished(c);
        Built b = build(c);
        if (!b.fingerprint.equals(draft.fingerprint())) {
            throw new ChoosingRejectedException(null, "choosing.changed-meanwhile");
        }
        return b;
    }

    private AllocationPreview preview(Built b, Allocation moved) {
        Allocation optimal = WorkshopAllocator.optimal(b.problem, b.choosing.getSeed());
        Allocation draft = moved == null ? optimal : moved;
        Map<Long, String> names = b.problem.rankings().isEmpty() ? Map.of()
                : accounts.displayNames(b.problem.rankings().stream().map(Ranking::participantId).toList());
        Map<Long, GroupSlot> slots = Map.of(b.slot.sessionId(), b.slot);
        List<WorkshopGroupSummary> summaries = b.groups.stream().map(g -> workshops.summary(g, Map.of(), slots)).toList();
        return new AllocationPreview(ChoosingSummary.of(b.choosing, b.slot), summaries, b.seats, names, draft,
                optimal.summary(), WorkshopAllocator.firstComeFirstServed(b.problem).summary(), moved(draft, optimal),
                b.fingerprint);
    }

    private static int moved(Allocation draft, Allocation optimal) {
        int moved = 0;
        for (Ranking r : draft.problem().rankings()) {
            if (!draft.groupOf(r.participantId()).equals(optimal.groupOf(r.participantId()))) moved++;
        }
        return moved;
    }

    private void mail(long accountId, EditionSummary edition, GroupSlot slot, WorkshopGroup group) {
        mail(group == null ? MailTemplate.WORKSHOP_UNPLACED : MailTemplate.WORKSHOP_ALLOCATED, accountId, edition, slot, group);
    }

    /** Queues one of the allocation's mails to the participant, in their language (see {@link MailTemplate}). */
    private void mail(MailTemplate template, long accountId, EditionSummary edition, GroupSlot slot, WorkshopGroup group) {
        Optional<MailContact> to = contacts.of(accountId);
        if (to.isEmpty()) return;
        var locale = to.get().locale();
        String room = group == null || group.getRoom() == null ? "" : "(" + group.getRoom() + ")";
        events.publishEvent(new MailRequested(to.get().email(), locale, template,
                to.get().displayName(), edition.title(), slot.label(locale), group == null ? "" : group.getTitle(), room,
                publicUrl + "/my/programme"));
    }

    private static void requireUnpublished(Choosing c) {
        if (c.getPublishedAt() != null) {
            throw new ChoosingRejectedException(null, "choosing.already-published");
        }
    }

    /** The workshop slot of the edition's programme; refused when it is no longer one (cancelled, another kind). */
    private GroupSlot slot(long editionId, long sessionId) {
        GroupSlot slot = ranking.slotsOf(editionId).get(sessionId);
        if (slot == null) {
            throw new ChoosingRejectedException(null, "choosing.no-slot");
        }
        return slot;
    }

    private static String describe(GroupSlot slot) {
        return "\"" + slot.title() + "\" (session " + slot.sessionId() + ")";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
