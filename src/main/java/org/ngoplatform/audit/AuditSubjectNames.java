package org.ngoplatform.audit;

import org.ngoplatform.base.i18n.Translator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the subjects of a page of audit events ({@code survey:12}) through the features' {@link AuditSubjects}: one
 * call per kind for the whole page, never one per row. A subject of a known kind that no longer exists is named by
 * kind and id ("Survey #12 (deleted)"); a kind nobody names is left out (shown as recorded).
 */
@Service
public class AuditSubjectNames {

    /** The audit log's own page, the subject of its exports. */
    static final String AUDIT_LOG_LINK = "admin/audit";
    private static final String KIND_KEY = "audit.kind.";
    private static final Set<String> NAMED_KINDS = Set.copyOf(AuditActions.bundleKeys(KIND_KEY));

    private final Map<String, AuditSubjects> byKind = new HashMap<>();
    private final Translator translator;

    AuditSubjectNames(List<AuditSubjects> namers, Translator translator) {
        namers.forEach(n -> byKind.put(n.kind(), n));
        this.translator = translator;
    }

    /** The kinds some feature names ({@code account}, {@code survey}, ...). */
    Set<String> kinds() {
        return Set.copyOf(byKind.keySet());
    }

    /** The kinds that have a name of their own in messages-audit*. */
    static Set<String> namedKinds() {
        return NAMED_KINDS;
    }

    /**
     * The name of each of {@code subjects} that can be named, by subject, in {@code locale} (for texts of the audit
     * log's own: "(deleted)", the kind). Subjects nobody names are not in the map.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<String, AuditSubjectRef> resolve(Collection<String> subjects, Locale locale) {
        Map<String, AuditSubjectRef> named = new HashMap<>();
        if (subjects == null) {
            return named;
        }
        Map<String, Set<Long>> idsByKind = new LinkedHashMap<>();
        for (String subject : new LinkedHashSet<>(subjects)) {
            if (subject == null) {
                continue;
            }
            if (subject.equals(AuditLogExport.SUBJECT)) {
                named.put(subject, AuditSubjectRef.of(translator.translate(KIND_KEY + subject, locale), AUDIT_LOG_LINK));
                continue;
            }
            int colon = subject.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String kind = subject.substring(0, colon);
            Long id = parseId(subject.substring(colon + 1));
            if (id != null && byKind.containsKey(kind)) {
                idsByKind.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
            } else if (kindName(kind, locale) != null) {
                // a kind whose subjects are named by a label of their own (privacy-notice:2026-11)
                named.put(subject, AuditSubjectRef.of(kindName(kind, locale) + " " + subject.substring(colon + 1), null));
            }
        }
        for (Map.Entry<String, Set<Long>> kind : idsByKind.entrySet()) {
            Map<Long, AuditSubjectRef> found = byKind.get(kind.getKey()).names(kind.getValue());
            String kindName = kindName(kind.getKey(), locale);
            for (Long id : kind.getValue()) {
                AuditSubjectRef ref = found.get(id);
                named.put(kind.getKey() + ":" + id, ref != null ? ref : AuditSubjectRef.gone(translator.translate(
                        "audit.subject.deleted", locale, kindName == null ? kind.getKey() : kindName, String.valueOf(id))));
            }
        }
        return named;
    }

    /** The kind's name in {@code locale} ({@code audit.kind.survey}), or null when it has none. */
    private String kindName(String kind, Locale locale) {
        return NAMED_KINDS.contains(kind) ? translator.translate(KIND_KEY + kind, locale) : null;
    }

    private static Long parseId(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(text);
    }
}
