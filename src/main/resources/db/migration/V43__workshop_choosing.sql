-- Ranked workshop choices (issue 14, section 2). An organiser opens choosing for one workshop slot of the programme
-- (session_id: the programme module's session id; no foreign key, as in V42) until closes_at (an instant, shown in
-- the edition's zone). seed breaks ties of the optimal allocation and is shown, so the result can be reproduced.
-- published_at is set while an allocation is published (memberships written), cleared by an audited unpublish.
CREATE TABLE workshop_choosing (
    session_id    BIGINT        NOT NULL PRIMARY KEY,
    edition_id    BIGINT        NOT NULL,
    closes_at     DATETIME(6)   NOT NULL,
    opened_at     DATETIME(6)   NOT NULL,
    seed          BIGINT        NOT NULL,
    published_at  DATETIME(6)   NULL,
    version       BIGINT        NOT NULL
);
CREATE INDEX ix_workshop_choosing_edition ON workshop_choosing (edition_id);

-- One participant's ranking of a slot's groups, one row per choice (choice_no 1 = first choice).
-- first_ranked_at is when the participant first ranked this slot (kept when they change it): the
-- first-come-first-served baseline serves people in that order.
CREATE TABLE workshop_ranked_choice (
    session_id       BIGINT       NOT NULL,
    account_id       BIGINT       NOT NULL,
    choice_no        INT          NOT NULL,
    group_id         BIGINT       NOT NULL,
    first_ranked_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (session_id, account_id, choice_no),
    CONSTRAINT uk_workshop_ranked_choice_group UNIQUE (session_id, account_id, group_id),
    CONSTRAINT fk_workshop_ranked_choice_choosing FOREIGN KEY (session_id) REFERENCES workshop_choosing (session_id) ON DELETE CASCADE,
    CONSTRAINT fk_workshop_ranked_choice_group FOREIGN KEY (group_id) REFERENCES workshop_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_workshop_ranked_choice_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_workshop_ranked_choice_account ON workshop_ranked_choice (account_id);
