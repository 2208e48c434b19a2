package org.ngoplatform.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "my data" document being assembled for one person: named sections in the order they are added. Values are
 * maps, lists, strings, numbers, booleans, dates and instants (written as ISO text).
 */
public final class MyDataFile {

    private final long accountId;
    private final String email;
    private final Map<String, Object> sections = new LinkedHashMap<>();

    MyDataFile(long accountId, String email) {
        this.accountId = accountId;
        this.email = email;
    }

    /** Whose data this is. */
    public long accountId() {
        return accountId;
    }

    /** The person's current email, for data kept by address (mails). */
    public String email() {
        return email;
    }

    /** Sets a section. */
    public void put(String section, Object value) {
        sections.put(section, value);
    }

    /** Appends rows to a list section (several modules may add to one, e.g. "consents"). */
    @SuppressWarnings("unchecked")
    public void addAll(String section, List<? extends Map<String, ?>> rows) {
        ((List<Object>) sections.computeIfAbsent(section, k -> new ArrayList<>())).addAll(rows);
    }

    Map<String, Object> sections() {
        return sections;
    }

    /** A row with its keys in the given order ({@code key, value, key, value, ...}); null values are kept. */
    public static Map<String, Object> row(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
