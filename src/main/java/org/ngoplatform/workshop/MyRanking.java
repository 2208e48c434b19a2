package org.ngoplatform.workshop;

import java.util.List;

/**
 * What a participant sees when ranking a slot: the choosing (deadline, published or not), the slot's groups in the
 * organisers' order, their own ranking (group ids, first choice first; empty when they have not ranked), whether they
 * may rank at all (a confirmed seat) and whether they may change it now.
 */
public record MyRanking(ChoosingSummary choosing, List<WorkshopGroupSummary> groups, List<Long> ranked,
                        boolean confirmed, boolean changeable) {
}
