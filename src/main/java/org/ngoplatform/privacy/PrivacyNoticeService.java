package org.ngoplatform.privacy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.ngoplatform.account.PrivacyNoticeVersions;
import org.ngoplatform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The privacy notice: public to read; organisers publish new versions, which earlier versions never change. */
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
                .query(PrivacyNoticeService::map).optional()
                .orElseThrow(() -> new IllegalStateException("No privacy notice stored (migration V51 missing?)"));
    }

    @Override
    @Transactional(readOnly = true)
    public String currentVersion() {
        return current().versionLabel();
    }

    /** Public: every version ever published, newest first, so old consent records can be read against their text. */
    @Transactional(readOnly = true)
    public List<PrivacyNotice> versions() {
        return jdbc.sql("SELECT id, version_label, body, published_at FROM privacy_notice ORDER BY id DESC")
                .query(PrivacyNoticeService::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<PrivacyNotice> version(String label) {
        return jdbc.sql("SELECT id, version_label, body, published_at FROM privacy_notice WHERE version_label = ?")
                .param(label).query(PrivacyNoticeService::map).optional();
    }

    /** Publishes a new current version; consent given from now on records its label. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public PrivacyNotice publish(PrivacyNoticeForm form) {
        form.setVersionLabel(form.getVersionLabel() == null ? null : form.getVersionLabel().strip());
        Set<ConstraintViolation<PrivacyNoticeForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<PrivacyNoticeForm> first = violations.iterator().next();
            throw new PrivacyRejectedException(first.getPropertyPath().toString(), "privacy.admin.notice.invalid");
        }
        if (version(form.getVersionLabel()).isPresent()) {
            throw new PrivacyRejectedException("versionLabel", "privacy.admin.notice.label-taken");
        }
        jdbc.sql("INSERT INTO privacy_notice (version_label, body, published_at) VALUES (?, ?, ?)")
                .params(form.getVersionLabel(), form.getBody(), Utc.of(clock.instant())).update();
        audit.record("PRIVACY_NOTICE_PUBLISHED", "privacy-notice:" + form.getVersionLabel(),
                form.getBody().length() + " characters");
        return current();
    }

    private static PrivacyNotice map(ResultSet rs, int row) throws SQLException {
        return new PrivacyNotice(rs.getLong("id"), rs.getString("version_label"), rs.getString("body"),
                Utc.read(rs, "published_at"));
    }
}
