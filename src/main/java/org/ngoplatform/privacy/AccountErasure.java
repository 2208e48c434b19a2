package org.ngoplatform.privacy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account being erased, as {@link PersonalDataHolder}s see it: who (id, and the email it had, for data keyed
 * by address such as mails) and what each holder reports it changed, for the person's confirmation and the audit.
 */
public final class AccountErasure {

    /** Registrations whose details were erased. */
    public static final String REGISTRATIONS = "registrations";
    /** Identified survey responses unlinked from the person. */
    public static final String IDENTIFIED_RESPONSES = "identified responses unlinked";
    /** Workshop groups the person no longer facilitates. */
    public static final String FACILITATOR_GROUPS = "facilitator groups";

    /** Stands in for the name of an erased person wherever a row must keep some name. */
    public static final String ERASED_NAME = "Erased account";

    private final long accountId;
    private final String email;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    AccountErasure(long accountId, String email) {
        this.accountId = accountId;
        this.email = email;
        counts.put(REGISTRATIONS, 0);
        counts.put(IDENTIFIED_RESPONSES, 0);
        counts.put(FACILITATOR_GROUPS, 0);
    }

    public long accountId() {
        return accountId;
    }

    /** The address the account had before the erasure. */
    public String email() {
        return email;
    }

    /** Reports {@code count} more items of a kind erased. */
    public void count(String what, int count) {
        counts.merge(what, count, Integer::sum);
    }

    int counted(String what) {
        return counts.getOrDefault(what, 0);
    }

    /** {@code what=count; ...} for the audit log. */
    String describe() {
        StringBuilder out = new StringBuilder();
        counts.forEach((what, n) -> out.append(out.isEmpty() ? "" : "; ").append(what).append('=').append(n));
        return out.toString();
    }
}
