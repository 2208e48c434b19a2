package org.ngoplatform.workshop;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A participant's own programme: per upcoming edition they hold a confirmed seat for, the programme with their groups. */
@Service
public class MyProgrammeService {

    private final EditionService editions;
    private final RegistrationService registrations;
    private final ProgrammeService programmes;
    private final MembershipRepository memberships;
    private final WorkshopGroupRepository groups;
    private final WorkshopService workshops;
    private final RankingService ranking;

    MyProgrammeService(EditionService editions, RegistrationService registrations, ProgrammeService programmes,
                       MembershipRepository memberships, WorkshopGroupRepository groups, WorkshopService workshops,
                       RankingService ranking) {
        this.ranking = ranking;
        this.editions = editions;
        this.registrations = registrations;
        this.programmes = programmes;
        this.memberships = memberships;
        this.groups = groups;
        this.workshops = workshops;
    }

    /** The caller's programmes, soonest edition first; empty when they are confirmed for no upcoming edition. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyProgramme> mine() {
        long me = CurrentAccount.requireId();
        Set<Long> confirmed = registrations.mine().stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .map(MyRegistration::edition).map(EditionSummary::id).collect(Collectors.toSet());
        List<MyProgramme> result = new ArrayList<>();
        for (EditionSummary edition : editions.upcoming()) {
            if (!confirmed.contains(edition.id())) continue;
            programmes.programme(edition.id()).ifPresent(p -> {
                Set<Long> mine = memberships.findByEditionIdAndAccountId(edition.id(), me).stream()
                        .map(Membership::getGroupId).collect(Collectors.toSet());
                Map<Long, GroupSlot> slots = workshops.slotsOf(edition.id());
                Map<Long, List<WorkshopGroupSummary>> bySlot = new LinkedHashMap<>();
                List<WorkshopGroupSummary> unslotted = new ArrayList<>();
                for (WorkshopGroup g : groups.findByEditionIdOrderBySortOrderAscIdAsc(edition.id())) {
                    if (!mine.contains(g.getId())) continue;
                    WorkshopGroupSummary s = workshops.summary(g, Map.of(), slots);
                    if (s.slot() != null) {
                        bySlot.computeIfAbsent(s.programmeSessionId(), id -> new ArrayList<>()).add(s);
                    } else {
                        unslotted.add(s);
                    }
                }
                result.add(new MyProgramme(p, bySlot, unslotted, ranking.choosingsOf(edition.id(), slots)));
            });
        }
        return result;
    }
}
