package org.ngoplatform.survey.results;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.security.AuditActor;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.design.ClosedSurveys;
import org.ngoplatform.survey.respond.ResponseStore.TallyCount;
import org.ngoplatform.survey.respond.ResponseTally;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Published results of a closed survey (issue 17 §4, V29 {@code survey_publication}): an analyst or organiser
 * publishes the suppressed results to a public link ({@code r/<slug>}) and unpublishes them; both are audited.
 *
 * <p>What the page shows is what the analyst's results view shows without a filter: the same running counts through
 * the same {@link SurveyResultsService#fromCounts} and so the same {@link SmallCellSuppression}, minus every
 * free-text question (texts are never published, not even how many gave one) and minus a country question whose code
 * was once a free-text question (its running counts cannot stand for it, see {@link ResponseTally#covers}).
 *
 * <p>What an anonymous visit costs: one lookup of the slug by its unique index (a slug of the wrong shape is refused
 * before any query), the survey's current structure and translations, and the survey's unfiltered running counts
 * (a few hundred rows, whatever the number of responses; never a pass over responses, never a rebuild of the counts,
 * which {@link #publish} makes complete beforehand under the analyst's rights). Nothing is cached or written per
 * visitor. If the counts were deleted since (a new way of removing responses resets them), the page is "not found"
 * until an analyst reads the results again.
 */
@Service
public class PublishedResultsService {

    /** 18 random bytes, base64url without padding: 24 characters, 144 bits. */
    private static final int SLUG_BYTES = 18;
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One survey's publication: its public slug, when and by whom. */
    public record Publication(long surveyId, String slug, Instant publishedAt, String publishedBy) {
    }

    /** What the public page shows: the results in {@code language}, one of {@code languages} (base language first). */
    public record PublishedResults(String slug, String language, List<String> languages, SurveyResults results) {
    }

    private final JdbcClient jdbc;
    private final ClosedSurveys closed;
    private final SurveyResultsService results;
    private final AuditLog audit;
    private final Clock clock;

    PublishedResultsService(JdbcClient jdbc, ClosedSurveys closed, SurveyResultsService results, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.closed = closed;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes the results of a closed (or archived) survey; publishing again while published keeps the same link.
     *
     * @throws PublicationRejectedException when the survey is not closed or archived, or does not exist
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public Publication publish(long surveyId) {
        if (closed.find(surveyId, null).isEmpty()) {
            throw new PublicationRejectedException("status", "survey.publish.error.not-closed");
        }
        // complete the running counts now, with the analyst's rights, so visitors only ever read them
        results.results(surveyId, null, null);
        Optional<Publication> existing = publication(surveyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[SLUG_BYTES];
        RANDOM.nextBytes(bytes);
        String slug = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        String by = AuditActor.current();
        jdbc.sql("INSERT INTO survey_publication (survey_id, slug, published_at, published_by) VALUES (?, ?, ?, ?)")
                .params(surveyId, slug, Timestamp.from(now), by).update();
        audit.record("SURVEY_RESULTS_PUBLISHED", "survey:" + surveyId, null);
        return new Publication(surveyId, slug, now, by);
    }

    /** Takes the public link down at once; false when it was not published. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public boolean unpublish(long surveyId) {
        boolean was = jdbc.sql("DELETE FROM survey_publication WHERE survey_id = ?").param(surveyId).update() > 0;
        if (was) {
            audit.record("SURVEY_RESULTS_UNPUBLISHED", "survey:" + surveyId, null);
        }
        return was;
    }

    /** The survey's publication, when its results are published. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<Publication> publication(long surveyId) {
        return jdbc.sql("SELECT survey_id, slug, published_at, published_by FROM survey_publication WHERE survey_id = ?")
                .param(surveyId)
                .query((rs, n) -> new Publication(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional();
    }

    /**
     * The published results behind {@code slug}, for anyone: empty when the slug is malformed or names no publication,
     * or the survey is open again. {@code language} one of the survey's offered languages, else its base language.
     */
    @Transactional(readOnly = true)
    public Optional<PublishedResults> published(String slug, String language) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        Optional<Long> surveyId = jdbc.sql("SELECT survey_id FROM survey_publication WHERE slug = ?").param(slug)
                .query(Long.class).optional();
        return surveyId.flatMap(id -> closed.find(id, language).flatMap(shown -> {
            List<TallyCount> counts = unfilteredCounts(id);
            boolean complete = counts.stream().anyMatch(t -> t.cell().facet() == ResponseTally.Facet.T);
            if (!complete) {
                return Optional.empty();
            }
            SurveyResults all = SurveyResultsService.fromCounts(shown.structure(), null, counts);
            Set<String> onceFreeText = codesOnceFreeText(id);
            List<QuestionResult> kept = all.questions().stream()
                    .filter(q -> !q.question().type().isText())
                    .filter(q -> q.question().type() != QuestionType.COUNTRY || !onceFreeText.contains(q.question().code()))
                    .toList();
            return Optional.of(new PublishedResults(slug, shown.language(), shown.languages(),
                    new SurveyResults(all.structure(), null, all.responses(), all.k(), kept)));
        }));
    }

    /**
     * The survey's running counts for all responses (the rows ResponseStore reads for an unfiltered results view;
     * its read API is for analysts, and this page must never start its rebuild).
     */
    private List<TallyCount> unfilteredCounts(long surveyId) {
        return jdbc.sql("SELECT question_code, facet, value_key, response_count FROM survey_result_count "
                        + "WHERE survey_id = ? AND filter_code = '' AND filter_value = ''")
                .param(surveyId)
                .query((rs, n) -> new TallyCount(new ResponseTally.Cell(rs.getString(1),
                        ResponseTally.Facet.valueOf(rs.getString(2)), rs.getString(3)), rs.getLong(4))).list();
    }

    private Set<String> codesOnceFreeText(long surveyId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT q.code FROM survey_question q JOIN survey_version v ON v.id = q.version_id "
                        + "WHERE v.survey_id = ? AND q.question_type IN ('SHORT_TEXT', 'LONG_TEXT')")
                .param(surveyId).query(String.class).list());
    }
}
