package org.ngoplatform.edition;

import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.privacy.EditionEnds;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Tells the privacy feature when each edition ended, for its retention periods and purge job. */
@Component
class EditionRetentionDates implements EditionEnds {

    private final EditionRepository editions;

    EditionRetentionDates(EditionRepository editions) {
        this.editions = editions;
    }

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("year"), Sort.Order.desc("id"));

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<EditionEnd> all() {
        return editions.findAll(NEWEST_FIRST).stream().map(EditionRetentionDates::end).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<EditionEnd> page(long offset, int limit) {
        return editions.findAll(OffsetPageable.of(offset, limit, NEWEST_FIRST)).stream()
                .map(EditionRetentionDates::end).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public long count() {
        return editions.count();
    }

    private static EditionEnd end(Edition e) {
        return new EditionEnd(e.getId(), e.getCity(), e.getYear(), e.getEndsOn(), e.getTimeZone());
    }
}
