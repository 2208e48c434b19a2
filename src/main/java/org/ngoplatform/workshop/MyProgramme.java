package org.ngoplatform.workshop;

import org.ngoplatform.programme.Programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A participant's own programme of one edition: the edition's programme, their groups by the workshop slot they meet
 * in ({@code groupsBySlot}, by session id), their groups that have no slot of the programme yet ({@code unslotted},
 * e.g. only old free text), and ranked choosing of the edition's slots ({@code choosingBySlot}, by session id).
 */
public record MyProgramme(Programme programme, Map<Long, List<WorkshopGroupSummary>> groupsBySlot,
                          List<WorkshopGroupSummary> unslotted, Map<Long, ChoosingSummary> choosingBySlot) {

    public MyProgramme(Programme programme, Map<Long, List<WorkshopGroupSummary>> groupsBySlot,
                       List<WorkshopGroupSummary> unslotted) {
        this(programme, groupsBySlot, unslotted, Map.of());
    }

    public List<WorkshopGroupSummary> groupsIn(long sessionId) {
        return groupsBySlot.getOrDefault(sessionId, List.of());
    }

    /** Ranked choosing of the slot, when an organiser opened it. */
    public Optional<ChoosingSummary> choosingIn(long sessionId) {
        return Optional.ofNullable(choosingBySlot.get(sessionId));
    }
}
