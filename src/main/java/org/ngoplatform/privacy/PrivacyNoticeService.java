package org.ngoplatform.privacy;

import jakarta.validation.Validator;
import org.ngoplatform.account.PrivacyNoticeVersions;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy notice: public to read; organisers publish new versions, which earlier versions never change. Each
 * version has an English text and optionally German and Russian ones; a language without its own text is shown
 * the English one (see {@link PrivacyNotice#text}).
 */
@Service
public class PrivacyNoticeService implements PrivacyNoticeVersions {

    private final JdbcClient jdbc;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;

    PrivacyNoticeService(JdbcClient jdbc, Validator validator, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Public: the notice is shown to anyone, before sign-up. */
    @Transactional(readOnly = true)
    public PrivacyNotice current() {
        return jdbc.sql("SELECT id, version_label, body, published_at FROM privacy_notice ORDER BY id DESC LIMIT 1")
                .query(PrivacyNoticeService::map).optional().map(this::translated)
                .orElseThrow(() -> new IllegalStateException("No privacy notice stored (migration V51 missing?)"));
    }

    @Override
    @Transactional(readOnly = true)
    public String currentVersion() {
        // Only the label: every registration records it, and the texts (with their translations) are not needed.
        return jdbc.sql("SELECT version_label FROM privacy_notice ORDER BY id DESC LIMIT 1").query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("No privacy notice stored (migration V51 missing?)"));
    }

    /** Public: every version ever published, newest first, so old consent records can be read against their text. */
    @Transactional(readOnly = true)
    public List<PrivacyNotice> versions() {
        List<PrivacyNotice> all = jdbc.sql("SELECT id, version_label, body, published_at FROM privacy_notice ORDER BY id DESC")
                .query(PrivacyNoticeService::map).list();
        Map<Long, Map<String, String>> translations = new HashMap<>();
        jdbc.sql("SELECT notice_id, language, body FROM privacy_notice_translation ORDER BY notice_id, language")
                .query((t, i) -> new Object[] {t.getLong("notice_id"), t.getString("language"), t.getString("body")}).list()
                .forEach(row -> translations.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>()).put((String) row[1], (String) row[2]));
        return all.stream().map(n -> new PrivacyNotice(n.id(), n.versionLabel(), n.body(), n.publishedAt(),
                translations.getOrDefault(n.id(), Map.of()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PrivacyNotice> version(String label) {
        return jdbc.sql("SELECT id, version_label, body, published_at FROM privacy_notice WHERE version_label = ?")
                .param(label).query(PrivacyNoticeService::map).optional().map(this::translated);
    }

    /** Publishes a new current version; consent given from now on records its label. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public PrivacyNotice publish(PrivacyNoticeForm form) {
        form.setVersionLabel(form.getVersionLabel() == null ? null : form.getVersionLabel().strip());
        Validation.requireValid(validator, form,
                broken -> new PrivacyRejectedException(Validation.field(broken), "privacy.admin.notice.invalid"));
        if (version(form.getVersionLabel()).isPresent()) {
            throw new PrivacyRejectedException("versionLabel", "privacy.admin.notice.label-taken");
        }
        Map<String, String> translations = new LinkedHashMap<>();
        if (form.getBodyDe() != null && !form.getBodyDe().isBlank()) {
            translations.put("de", form.getBodyDe());
        }
        if (form.getBodyRu() != null && !form.getBodyRu().isBlank()) {
            translations.put("ru", form.getBodyRu());
        }
        jdbc.sql("INSERT INTO privacy_notice (version_label, body, published_at) VALUES (?, ?, ?)")
                .params(form.getVersionLabel(), form.getBody(), Utc.of(clock.instant())).update();
        long id = jdbc.sql("SELECT id FROM privacy_notice WHERE version_label = ?").param(form.getVersionLabel())
                .query(Long.class).single();
        translations.forEach((language, text) ->
                jdbc.sql("INSERT INTO privacy_notice_translation (notice_id, language, body) VALUES (?, ?, ?)")
                        .params(id, language, text).update());
        StringBuilder details = new StringBuilder("en: " + form.getBody().length() + " characters");
        translations.forEach((language, text) -> details.append("; ").append(language).append(": ")
                .append(text.length()).append(" characters"));
        audit.record("PRIVACY_NOTICE_PUBLISHED", "privacy-notice:" + form.getVersionLabel(), details.toString());
        return current();
    }

    private static PrivacyNotice map(ResultSet rs, int row) throws SQLException {
        return new PrivacyNotice(rs.getLong("id"), rs.getString("version_label"), rs.getString("body"),
                Utc.read(rs, "published_at"), Map.of());
    }

    /** The notice with its texts in other languages. */
    private PrivacyNotice translated(PrivacyNotice notice) {
        Map<String, String> translations = new LinkedHashMap<>();
        jdbc.sql("SELECT language, body FROM privacy_notice_translation WHERE notice_id = ? ORDER BY language")
                .param(notice.id()).query((t, i) -> Map.entry(t.getString("language"), t.getString("body"))).list()
                .forEach(e -> translations.put(e.getKey(), e.getValue()));
        return new PrivacyNotice(notice.id(), notice.versionLabel(), notice.body(), notice.publishedAt(), translations);
    }
}
