-- Attendance (module attendance, range V110-V119): who was present at which check-in point of an edition.
-- A check-in point is a day of the edition (session_id = 0) or one session of its programme (session_id = the
-- programme session's id, point_day = the day it starts in the edition's zone). One mark per person and point: the
-- unique key makes a second "present" from another organiser's phone a no-op instead of a second row.
CREATE TABLE attendance_mark (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id  BIGINT      NOT NULL,
    point_day   DATE        NOT NULL,
    session_id  BIGINT      NOT NULL,
    account_id  BIGINT      NOT NULL,
    marked_by   BIGINT      NULL,
    marked_at   DATETIME(6) NOT NULL,
    CONSTRAINT uq_attendance_mark UNIQUE (edition_id, point_day, session_id, account_id),
    CONSTRAINT fk_attendance_mark_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_attendance_mark_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_attendance_mark_marked_by FOREIGN KEY (marked_by) REFERENCES account (id)
);

CREATE INDEX ix_attendance_mark_account ON attendance_mark (account_id);

-- An edition whose organisers let its workshop facilitators check people in (a row: delegated).
CREATE TABLE attendance_delegation (
    edition_id  BIGINT      NOT NULL PRIMARY KEY,
    granted_by  BIGINT      NULL,
    granted_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_attendance_delegation_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_attendance_delegation_granted_by FOREIGN KEY (granted_by) REFERENCES account (id)
);
