package org.ngoplatform.attendance;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.EditionRetentionPurger;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attendance for the privacy feature: a person's own marks in "my data"; on erasure their marks are deleted and
 * the marks they made for others forget who made them; the retention job's second step (the remaining personal
 * details of an edition) deletes the edition's marks — who was present where is a detail about a person, and the
 * donor's sheet is exported long before. Nothing here is special-category data.
 */
@Component
@Order(300)
class AttendancePersonalData implements PersonalDataHolder, EditionRetentionPurger {

    /** What {@link AccountErasure} counts for this module. */
    static final String MARKS = "attendance marks";

    private final AttendanceMarks marks;
    private final EditionService editions;

    AttendancePersonalData(AttendanceMarks marks, EditionService editions) {
        this.marks = marks;
        this.editions = editions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AttendanceMarks.Mark m : marks.ofAccount(file.accountId())) {
            EditionSummary e = editions.find(m.editionId()).orElse(null);
            rows.add(MyDataFile.row("city", e == null ? null : e.city(), "edition_year", e == null ? null : e.year(),
                    "day", m.day(), "programme_session_id", m.sessionId() == CheckInPoint.WHOLE_DAY ? null : m.sessionId(),
                    "marked_present_at", m.markedAt()));
        }
        file.put("attendance", rows);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        erasure.count(MARKS, marks.deleteOfAccount(erasure.accountId()));
        marks.forgetMarker(erasure.accountId());
    }

    @Override
    public String countsWhat() {
        return MARKS;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeSpecialCategory(long editionId) {
        return 0;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeDetails(long editionId) {
        return marks.deleteOfEdition(editionId);
    }
}
