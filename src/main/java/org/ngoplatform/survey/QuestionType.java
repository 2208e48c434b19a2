package org.ngoplatform.survey;

/** What kind of answer a question takes. Stored by name. */
public enum QuestionType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    SHORT_TEXT,
    LONG_TEXT,
    NUMBER,
    SCALE,
    YES_NO,
    COUNTRY,
    DATE,
    /** Rows (each with a stable code) rated on one shared list of options; one or several per row ({@code multiplePerRow}). */
    MATRIX,
    /** The respondent puts every option in order: rank 1 to the number of options, each once. */
    RANKING;

    public static final int SHORT_TEXT_MAX = 500;
    public static final int LONG_TEXT_MAX = 4000;

    /** Questions whose answers are option codes, and which conditions may refer to. */
    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == YES_NO;
    }

    /** Questions that carry their own list of answer options (for a matrix its shared scale, for a ranking what is ranked). */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == MATRIX || this == RANKING;
    }

    /** Questions that may offer "other" with a text of the respondent's own. */
    public boolean allowsOther() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == SCALE;
    }

    public boolean isText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }
}
