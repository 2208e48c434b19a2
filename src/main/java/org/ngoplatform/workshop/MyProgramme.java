package org.ngoplatform.workshop;

import org.ngoplatform.programme.Programme;

import java.util.List;
import java.util.Map;

/**
 * A participant's own programme of one edition: the edition's programme, their groups by the workshop slot they meet
 * in ({@code groupsBySlot}, by session id), and their groups that have no slot of the programme yet ({@code unslotted},
 * e.g. only old free text).
 */
public record MyProgramme(Programme programme, Map<Long, List<WorkshopGroupSummary>> groupsBySlot,
                          List<WorkshopGroupSummary> unslotted) {

    public List<WorkshopGroupSummary> groupsIn(long sessionId) {
        return groupsBySlot.getOrDefault(sessionId, List.of());
    }
}
