package org.ngoplatform.survey.respond;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.design.Survey;
import org.ngoplatform.survey.design.SurveyRepository;
import org.ngoplatform.survey.design.SurveyVersionRepository;
import org.ngoplatform.survey.respond.SubmittedResponse.Answer;
import org.ngoplatform.survey.respond.SubmittedResponse.AnswerState;
import org.ngoplatform.survey.design.SurveyVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The responses of every survey: submitted responses and their answers, drafts, used submission tokens and the
 * identities of identified surveys, in plain SQL (the rows hold exactly what the schema comment promises).
 * <p>
 * The public methods are the analysts' read API (results view, Excel export) and check the role themselves.
 * Who answered an identified survey is only available through {@link #respondents} (audited, refused for
 * anonymous surveys) and {@link #identities} (organisers' identity export, which audits itself). Writing is
 * for {@link SurveyRespondentService} in this package.
 */
@Service
public class ResponseStore {

    record DraftRow(long id, long surveyId, long versionId, Long accountId, int pageIndex, Instant expiresAt) {
    }

    /** A submitted response; {@code sortKey} is its random place in every listing (never shown). */
    record ResponseRow(long id, long versionId, String submittedWeek, long sortKey) {
    }

    /** Upper bound (exclusive) of sort keys; the migration that filled older rows used the same range. */
    public static final long SORT_KEY_BOUND = 9_000_000_000_000_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record AnswerRow(long ownerId, long questionId, String optionCode, String text, BigDecimal number,
                             LocalDate date, String rowCode) {
    }

    private final JdbcClient jdbc;
    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final AuditLog audit;
    private final ObjectProvider<ResponseStore> self;

    ResponseStore(JdbcClient jdbc, SurveyRepository surveys, SurveyVersionRepository versions, AuditLog audit,
                  ObjectProvider<ResponseStore> self) {
        this.self = self;
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.versions = versions;
        this.audit = audit;
    }

    // --- analysts' read API -------------------------------------------------------------------------

    /** The current version's structure. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public SurveyStructure structure(long surveyId) {
        Survey survey = require(surveyId);
        return survey.structureOf(versions.findBySurveyIdAndNumber(surveyId, survey.getCurrentVersion()).orElseThrow());
    }

    /** The language the survey's own texts are written in (its base language). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public String baseLanguage(long surveyId) {
        return require(surveyId).getBaseLanguage();
    }

    /** Every version's structure, oldest first. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveyStructure> versions(long surveyId) {
        Survey survey = require(surveyId);
        return versions.findBySurveyIdOrderByNumberAsc(surveyId).stream().map(survey::structureOf).toList();
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long count(long surveyId, ResponseFilter filter) {
        return countUpTo(surveyId, filter, Long.MAX_VALUE);
    }

    /** Submitted responses with an id up to {@code maxId}, filtered; one COUNT query. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long countUpTo(long surveyId, ResponseFilter filter, long maxId) {
        Survey survey = require(surveyId);
        List<Long> filterIds = null;
        if (filter != null) {
            filterIds = versions.findBySurveyIdOrderByNumberAsc(surveyId).stream()
                    .flatMap(v -> survey.structureOf(v).questions().stream())
                    .filter(q -> q.code().equals(filter.questionCode())).map(QuestionDef::id).toList();
        }
        return countResponses(surveyId, maxId, filterIds, filter == null ? null : filter.optionCode());
    }

    /** Responses to one version: a version that has any is frozen (the builder copies it before a change). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long countOfVersion(long versionId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE version_id = ?").param(versionId).query(Long.class).single();
    }

    /** The newest submitted response's id (0 when there is none). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long newestResponseId(long surveyId) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM survey_response WHERE survey_id = ?").param(surveyId)
                .query(Long.class).single();
    }

    /**
     * Hands submitted responses to {@code consumer} in pages of at most {@code pageSize}, optionally filtered,
     * in their random sort-key order (fixed at submission; never the id, which follows submission order).
     * Keyset paging: each page is one query after the last {@code (sort_key, id)} seen.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public void forEachResponsePage(long surveyId, ResponseFilter filter, int pageSize,
                                    Consumer<List<SubmittedResponse>> consumer) {
        forEachPage(surveyId, filter, pageSize, consumer);
    }

    /** The accounts behind responses of an identified survey. Audited; refused for anonymous surveys. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public List<RespondentIdentity> respondents(long surveyId, Collection<Long> responseIds) {
        Survey survey = require(surveyId);
        if (survey.getAnonymity() != SurveyAnonymity.IDENTIFIED) {
            throw new ResponseRejectedException("survey", "survey.error.anonymous");
        }
        Map<Long, RespondentIdentity> found = findRespondents(survey, responseIds);
        audit.record("SURVEY_RESPONDENTS_READ", "survey:" + surveyId, found.size() + " respondents");
        return List.copyOf(found.values());
    }

    /**
     * Response id to who submitted it (account, or the invited email for a response by personal link), for an
     * organiser's identity export (which audits itself); empty for an anonymous survey.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Map<Long, RespondentIdentity> identities(long surveyId, Collection<Long> responseIds) {
        return findRespondents(require(surveyId), responseIds);
    }

    /**
     * The accounts behind responses, then for responses without one the invitation they came by. Only an identified
     * survey links responses to invitations at all (V27); the check here keeps it so should a row ever exist.
     */
    private Map<Long, RespondentIdentity> findRespondents(Survey survey, Collection<Long> responseIds) {
        Map<Long, RespondentIdentity> found = new java.util.LinkedHashMap<>();
        if (survey.getAnonymity() != SurveyAnonymity.IDENTIFIED || responseIds.isEmpty()) {
            return found;
        }
        findIdentities(survey.getId(), responseIds).forEach((response, account) ->
                found.put(response, new RespondentIdentity(response, account)));
        jdbc.sql("SELECT r.response_id, i.email FROM survey_invitation_response r JOIN survey_invitation i ON i.id = r.invitation_id "
                        + "WHERE i.survey_id = ? AND r.response_id IN ("
                        + String.join(",", responseIds.stream().map(String::valueOf).toList()) + ")")
                .param(survey.getId())
                .query((rs, n) -> new RespondentIdentity(rs.getLong(1), null, rs.getString(2))).list()
                .forEach(r -> found.putIfAbsent(r.responseId(), r));
        return found;
    }

    /** Forgets the used submission tokens of one survey (they only matter while it takes answers). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public int forgetSubmissionTokens(long surveyId) {
        return jdbc.sql("DELETE FROM survey_used_token WHERE survey_id = ?").param(surveyId).update();
    }

    private void forEachPage(long surveyId, ResponseFilter filter, int pageSize, Consumer<List<SubmittedResponse>> consumer) {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("page size 1..5000");
        }
        Survey survey = require(surveyId);
        List<SurveyStructure> all = versions.findBySurveyIdOrderByNumberAsc(surveyId).stream()
                .map(survey::structureOf).toList();
        Map<Long, SurveyStructure> byVersion = new HashMap<>();
        Map<Long, QuestionDef> questionsById = new HashMap<>();
        List<String> allCodes = new ArrayList<>();
        for (SurveyStructure s : all) {
            byVersion.put(s.versionId(), s);
            for (QuestionDef q : s.questions()) {
                questionsById.put(q.id(), q);
                if (!allCodes.contains(q.code())) {
                    allCodes.add(q.code());
                }
            }
        }
        List<Long> filterIds = null;
        if (filter != null) {
            filterIds = questionsById.values().stream().filter(q -> q.code().equals(filter.questionCode()))
                    .map(QuestionDef::id).toList();
        }
        List<String> codes = List.copyOf(allCodes);
        ResponseRow after = null;
        while (true) {
            List<ResponseRow> rows = responsesAfter(surveyId, after, pageSize, filterIds,
                    filter == null ? null : filter.optionCode());
            if (rows.isEmpty()) {
                return;
            }
            Map<Long, Map<String, AnswerValue>> answers = loadAnswers("survey_answer", "response_id",
                    rows.stream().map(ResponseRow::id).toList(), questionsById);
            List<SubmittedResponse> page = new ArrayList<>();
            for (ResponseRow row : rows) {
                page.add(submitted(row, byVersion.get(row.versionId()), answers.getOrDefault(row.id(), Map.of()), codes));
            }
            consumer.accept(page);
            after = rows.getLast();
            if (rows.size() < pageSize) {
                return;
            }
        }
    }

    /** One response as analysts read it: every code of every version, with its state. */
    private static SubmittedResponse submitted(ResponseRow row, SurveyStructure version, Map<String, AnswerValue> given,
                                               List<String> allCodes) {
        Map<String, Boolean> visible = AnswerRules.visibility(version, given);
        Map<String, Answer> keyed = new LinkedHashMap<>();
        for (String code : allCodes) {
            AnswerState state;
            if (!visible.containsKey(code)) {
                state = AnswerState.NOT_IN_VERSION;
            } else if (!visible.get(code)) {
                state = AnswerState.SKIPPED_BY_CONDITION;
            } else if (given.containsKey(code)) {
                state = AnswerState.ANSWERED;
            } else {
                state = AnswerState.UNANSWERED;
            }
            keyed.put(code, new Answer(state, state == AnswerState.ANSWERED ? given.get(code) : AnswerValue.EMPTY));
        }
        return new SubmittedResponse(row.id(), version.versionNumber(), row.submittedWeek(), keyed);
    }

    // --- running counts of results (survey_result_count, V23) ---------------------------------------

    /** One running count: how many responses matching the asked filter fall in {@code cell}. */
    public record TallyCount(ResponseTally.Cell cell, long count) {
    }

    private static final String TALLY_MARKER = "survey_id = ? AND filter_code = '' AND filter_value = '' "
            + "AND question_code = '' AND facet = 'T' AND value_key = ''";

    /**
     * The running counts of one survey for one filter (null: all responses). A survey whose counts were never
     * made complete (responses from before V23, or rows written by hand) is counted once from its responses
     * first, in a transaction of its own under the survey's row lock, so no submit slips between.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<TallyCount> tally(long surveyId, ResponseFilter filter) {
        require(surveyId);
        ResponseTally.Filter f = filter == null ? ResponseTally.Filter.ALL
                : new ResponseTally.Filter(filter.questionCode(), filter.optionCode());
        if (!tallied(surveyId)) {
            // read in the rebuild's own transaction: this one's snapshot may be older than the rebuilt rows
            return self().rebuildTally(surveyId, f);
        }
        return readTally(surveyId, f);
    }

    private List<TallyCount> readTally(long surveyId, ResponseTally.Filter f) {
        return jdbc.sql("SELECT question_code, facet, value_key, response_count FROM survey_result_count "
                        + "WHERE survey_id = ? AND filter_code = ? AND filter_value = ?")
                .params(surveyId, f.code(), f.value())
                .query((rs, n) -> new TallyCount(new ResponseTally.Cell(rs.getString(1),
                        ResponseTally.Facet.valueOf(rs.getString(2)), rs.getString(3)), rs.getLong(4))).list();
    }

    /**
     * Counts a survey's responses from scratch into {@code survey_result_count} unless its counts are complete
     * already. One pass over every response (as results were read before V23); runs once per survey. Returns the
     * counts for filter {@code f}.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<TallyCount> rebuildTally(long surveyId, ResponseTally.Filter f) {
        Survey survey = surveys.lockById(surveyId).orElseThrow(() -> new ResponseRejectedException("survey", "survey.error.not-found"));
        if (tallied(surveyId)) {
            return readTally(surveyId, f);
        }
        jdbc.sql("DELETE FROM survey_result_count WHERE survey_id = ?").param(surveyId).update();
        Map<Long, SurveyStructure> byVersion = new HashMap<>();
        Map<Long, QuestionDef> questionsById = new HashMap<>();
        for (SurveyVersion v : versions.findBySurveyIdOrderByNumberAsc(surveyId)) {
            SurveyStructure s = survey.structureOf(v);
            byVersion.put(s.versionId(), s);
            s.questions().forEach(q -> questionsById.put(q.id(), q));
        }
        Map<ResponseTally.Key, long[]> counts = new HashMap<>();
        counts.put(new ResponseTally.Key(ResponseTally.Filter.ALL, new ResponseTally.Cell("", ResponseTally.Facet.T, "")), new long[1]);
        ResponseRow after = null;
        while (true) {
            List<ResponseRow> rows = responsesAfter(surveyId, after, 1000, null, null);
            if (rows.isEmpty()) {
                break;
            }
            Map<Long, Map<String, AnswerValue>> answers = loadAnswers("survey_answer", "response_id",
                    rows.stream().map(ResponseRow::id).toList(), questionsById);
            for (ResponseRow row : rows) {
                for (ResponseTally.Key k : ResponseTally.keys(byVersion.get(row.versionId()), answers.getOrDefault(row.id(), Map.of()))) {
                    counts.computeIfAbsent(k, x -> new long[1])[0]++;
                }
            }
            after = rows.getLast();
        }
        List<Map.Entry<ResponseTally.Key, long[]>> all = new ArrayList<>(counts.entrySet());
        for (int from = 0; from < all.size(); from += 500) {
            List<Map.Entry<ResponseTally.Key, long[]>> part = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> params = new ArrayList<>();
            for (var e : part) {
                addKeyParams(params, surveyId, e.getKey());
                params.add(e.getValue()[0]);
            }
            jdbc.sql("INSERT INTO survey_result_count (survey_id, filter_code, filter_value, question_code, facet, value_key, "
                    + "response_count) VALUES " + String.join(",", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?)")))
                    .params(params).update();
        }
        List<TallyCount> asked = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (k.filter().equals(f)) asked.add(new TallyCount(k.cell(), n[0]));
        });
        return asked;
    }

    private boolean tallied(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_result_count WHERE " + TALLY_MARKER).param(surveyId)
                .query(Long.class).single() > 0;
    }

    /**
     * Raises the running counts by one response, in the submit transaction (which holds the survey's row lock):
     * its answers are read back as every reader reads them, so the counts hold exactly what a pass would see.
     * Nothing is counted while a survey's counts are incomplete: the first read counts everything.
     */
    void addToTally(long surveyId, SurveyStructure version, long responseId) {
        if (!tallied(surveyId)) {
            return;
        }
        Map<Long, QuestionDef> byId = new HashMap<>();
        version.questions().forEach(q -> byId.put(q.id(), q));
        Map<String, AnswerValue> given = loadAnswers("survey_answer", "response_id", List.of(responseId), byId)
                .getOrDefault(responseId, Map.of());
        List<ResponseTally.Key> keys = new ArrayList<>(ResponseTally.keys(version, given));
        for (int from = 0; from < keys.size(); from += 500) {
            List<ResponseTally.Key> part = keys.subList(from, Math.min(keys.size(), from + 500));
            List<Object> params = new ArrayList<>();
            part.forEach(k -> addKeyParams(params, surveyId, k));
            jdbc.sql("INSERT INTO survey_result_count (survey_id, filter_code, filter_value, question_code, facet, value_key, "
                    + "response_count) VALUES " + String.join(",", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, 1)"))
                    + " ON DUPLICATE KEY UPDATE response_count = response_count + 1")
                    .params(params).update();
        }
    }

    private static void addKeyParams(List<Object> params, long surveyId, ResponseTally.Key k) {
        params.add(surveyId);
        params.add(k.filter().code());
        params.add(k.filter().value());
        params.add(k.cell().questionCode());
        params.add(k.cell().facet().name());
        params.add(k.cell().value());
    }

    /**
     * One page of the free-text answers to one question code (every version), in the responses' random sort-key
     * order, optionally filtered: what a pass over responses collecting answered texts gives, in one query
     * (answers of questions hidden by a condition are never stored, see {@code AnswerRules.effective}).
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<String> textPage(long surveyId, String questionCode, ResponseFilter filter, int offset, int limit) {
        require(surveyId);
        List<Long> ids = questionIds(surveyId, questionCode);
        if (ids.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(surveyId));
        String filterSql = "";
        if (filter != null) {
            List<Long> filterIds = questionIds(surveyId, filter.questionCode());
            if (filterIds.isEmpty()) {
                return List.of();
            }
            filterSql = " AND r.id IN (SELECT f.response_id FROM survey_answer f WHERE f.question_id IN (" + joined(filterIds)
                    + ") AND f.row_code IS NULL AND f.number_value IS NULL"
                    + " AND (f.option_code = ? OR (f.option_code IS NULL AND f.text_value = ?)))";
            params.add(filter.optionCode());
            params.add(filter.optionCode());
        }
        params.add(limit);
        params.add(Math.max(0, offset));
        // the ids as literals, not a subquery: with them MariaDB walks (survey_id, sort_key, id) in order and stops
        // after the page; with a subquery it sorted every answer of the question first (measured, docs/performance.md)
        return jdbc.sql("SELECT a.text_value FROM survey_response r JOIN survey_answer a ON a.response_id = r.id"
                        + " AND a.question_id IN (" + joined(ids) + ") AND a.option_code IS NULL AND a.text_value IS NOT NULL"
                        + " WHERE r.survey_id = ?" + filterSql + " ORDER BY r.sort_key, r.id LIMIT ? OFFSET ?")
                .params(params).query(String.class).list();
    }

    /** The questions of one code in every version of a survey, without loading the structures. */
    private List<Long> questionIds(long surveyId, String code) {
        return jdbc.sql("SELECT q.id FROM survey_question q JOIN survey_version v ON v.id = q.version_id WHERE v.survey_id = ? AND q.code = ?")
                .params(surveyId, code).query(Long.class).list();
    }

    private static String joined(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** The codes that are a free-text question in some version of the survey (one query, no structures loaded). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public Set<String> codesOnceFreeText(long surveyId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT q.code FROM survey_question q JOIN survey_version v ON v.id = q.version_id "
                        + "WHERE v.survey_id = ? AND q.question_type IN ('SHORT_TEXT', 'LONG_TEXT')")
                .param(surveyId).query(String.class).list());
    }

    /** This bean through its proxy, so a call from inside gets its own transaction. */
    private ResponseStore self() {
        return self.getObject();
    }

    private Survey require(long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new ResponseRejectedException("survey", "survey.error.not-found"));
    }

    // --- respondents' writes and reads (this package) -----------------------------------------------

    long countResponses(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(surveyId).query(Long.class).single();
    }

    /** Inserts a response with a fresh random sort key, so its place in listings says nothing of when it came. */
    long insertResponse(long surveyId, long versionId, String week, String language) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO survey_response (survey_id, version_id, submitted_week, sort_key, language) VALUES (?, ?, ?, ?, ?)")
                .params(surveyId, versionId, week, RANDOM.nextLong(SORT_KEY_BOUND), language).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertIdentity(long responseId, long surveyId, long accountId, Instant at) {
        jdbc.sql("INSERT INTO survey_response_identity (response_id, survey_id, account_id, submitted_at) VALUES (?, ?, ?, ?)")
                .params(responseId, surveyId, accountId, Timestamp.from(at)).update();
    }

    boolean hasIdentity(long surveyId, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response_identity WHERE survey_id = ? AND account_id = ?")
                .params(surveyId, accountId).query(Long.class).single() > 0;
    }

    /** Marks a one-time submission token as used; false when it was used before. */
    boolean useToken(String tokenHash, long surveyId) {
        try {
            jdbc.sql("INSERT INTO survey_used_token (token_hash, survey_id) VALUES (?, ?)").params(tokenHash, surveyId).update();
            return true;
        } catch (DuplicateKeyException used) {
            return false;
        }
    }

    /** Forgets the used submission tokens of every survey that no longer takes answers: not open, or past its end. */
    int deleteTokensOfClosedSurveys(Instant now) {
        return jdbc.sql("DELETE FROM survey_used_token WHERE survey_id IN "
                        + "(SELECT s.id FROM survey s WHERE s.status <> 'OPEN' OR s.closes_at <= ?)")
                .param(Timestamp.from(now)).update();
    }

    /**
     * Writes one row per chosen option, or one row holding the text, number or date; a matrix one row per (row,
     * chosen option), a ranking one row per ranked option with its rank (1 = first) as the number.
     */
    void insertAnswers(String table, String ownerColumn, long ownerId, SurveyStructure structure,
                       Map<String, AnswerValue> answers) {
        for (QuestionDef q : structure.questions()) {
            AnswerValue a = answers.get(q.code());
            if (a == null || a.isEmptyFor(q.type())) {
                continue;
            }
            String sql = "INSERT INTO " + table + " (" + ownerColumn
                    + ", question_id, option_code, text_value, number_value, date_value, row_code) VALUES (?, ?, ?, ?, ?, ?, ?)";
            switch (q.type()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> {
                    for (String option : a.options()) {
                        String other = SurveyStructure.OTHER.equals(option) ? strip(a.otherText()) : null;
                        jdbc.sql(sql).params(ownerId, q.id(), option, other, null, null, null).update();
                    }
                }
                case SHORT_TEXT, LONG_TEXT, COUNTRY -> jdbc.sql(sql).params(ownerId, q.id(), null, a.text().strip(), null, null, null).update();
                case NUMBER, SCALE -> jdbc.sql(sql).params(ownerId, q.id(), null, null, a.number(), null, null).update();
                case DATE -> jdbc.sql(sql).params(ownerId, q.id(), null, null, null, Date.valueOf(a.date()), null).update();
                case MATRIX -> a.rows().forEach((row, chosen) -> chosen.forEach(option ->
                        jdbc.sql(sql).params(ownerId, q.id(), option, null, null, null, row).update()));
                case RANKING -> {
                    // a draft may hold an unfinished ranking: empty places are left out, the others keep their rank
                    for (int i = 0; i < a.ranking().size(); i++) {
                        String option = a.ranking().get(i);
                        if (option != null && !option.isBlank()) {
                            jdbc.sql(sql).params(ownerId, q.id(), option, null, BigDecimal.valueOf(i + 1L), null, null).update();
                        }
                    }
                }
            }
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Answers of several owners (responses or drafts), keyed by owner, then by question code. */
    Map<Long, Map<String, AnswerValue>> loadAnswers(String table, String ownerColumn, Collection<Long> ownerIds,
                                                     Map<Long, QuestionDef> questionsById) {
        Map<Long, Map<String, AnswerValue>> result = new LinkedHashMap<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        String in = String.join(",", ownerIds.stream().map(String::valueOf).toList());
        List<AnswerRow> rows = jdbc.sql("SELECT " + ownerColumn + ", question_id, option_code, text_value, number_value, date_value, row_code FROM "
                        + table + " WHERE " + ownerColumn + " IN (" + in + ") ORDER BY id")
                .query(ResponseStore::answerRow).list();
        Map<Long, Map<Long, List<AnswerRow>>> grouped = new LinkedHashMap<>();
        for (AnswerRow r : rows) {
            grouped.computeIfAbsent(r.ownerId(), k -> new LinkedHashMap<>()).computeIfAbsent(r.questionId(), k -> new ArrayList<>()).add(r);
        }
        for (Long owner : ownerIds) {
            Map<String, AnswerValue> answers = new HashMap<>();
            grouped.getOrDefault(owner, Map.of()).forEach((questionId, list) -> {
                QuestionDef q = questionsById.get(questionId);
                if (q != null) {
                    answers.put(q.code(), toValue(q, list));
                }
            });
            result.put(owner, answers);
        }
        return result;
    }

    private static AnswerValue toValue(QuestionDef q, List<AnswerRow> rows) {
        AnswerRow first = rows.getFirst();
        return switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> {
                Set<String> options = new LinkedHashSet<>();
                String other = null;
                for (AnswerRow r : rows) {
                    options.add(r.optionCode());
                    if (SurveyStructure.OTHER.equals(r.optionCode())) {
                        other = r.text();
                    }
                }
                yield AnswerValue.ofOptions(options, other);
            }
            case SHORT_TEXT, LONG_TEXT, COUNTRY -> AnswerValue.ofText(first.text());
            case NUMBER, SCALE -> AnswerValue.ofNumber(first.number().stripTrailingZeros());
            case DATE -> AnswerValue.ofDate(first.date());
            case MATRIX -> {
                Map<String, Set<String>> byRow = new LinkedHashMap<>();
                for (AnswerRow r : rows) {
                    if (r.rowCode() != null) byRow.computeIfAbsent(r.rowCode(), k -> new LinkedHashSet<>()).add(r.optionCode());
                }
                yield AnswerValue.ofRows(byRow);
            }
            case RANKING -> {
                // places by rank; a place nobody took (an unfinished draft) stays empty
                int last = rows.stream().mapToInt(r -> r.number().intValue()).max().orElse(0);
                List<String> ranking = new ArrayList<>(java.util.Collections.nCopies(last, (String) null));
                for (AnswerRow r : rows) {
                    int place = r.number().intValue() - 1;
                    if (ranking.get(place) == null) ranking.set(place, r.optionCode());
                    else ranking.add(place + 1, r.optionCode());
                }
                yield AnswerValue.ofRanking(ranking);
            }
        };
    }

    private static AnswerRow answerRow(ResultSet rs, int n) throws SQLException {
        Date date = rs.getDate(6);
        return new AnswerRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                date == null ? null : date.toLocalDate(), rs.getString(7));
    }

    /** Up to {@code limit} submitted responses in sort-key order, after {@code after} (null: from the start),
     * optionally only those whose answer to one of the given questions (all versions of one code) holds
     * {@code optionCode} (or is that country code). Keyset paging over {@code (sort_key, id)}. A matrix's cells and a
     * ranking's places are no filter (nor in the running counts, {@code ResponseTally}). */
    List<ResponseRow> responsesAfter(long surveyId, ResponseRow after, int limit, Collection<Long> filterQuestionIds,
                                     String optionCode) {
        String keyset = "";
        String filter = "";
        List<Object> params = new ArrayList<>(List.of(surveyId));
        if (after != null) {
            // the first condition alone lets the index (survey_id, sort_key, id) do a range scan
            keyset = " AND r.sort_key >= ? AND (r.sort_key > ? OR r.id > ?)";
            params.addAll(List.of(after.sortKey(), after.sortKey(), after.id()));
        }
        if (filterQuestionIds != null) {
            if (filterQuestionIds.isEmpty()) {
                return List.of();
            }
            filter = " AND r.id IN (SELECT a.response_id FROM survey_answer a WHERE a.question_id IN ("
                    + String.join(",", filterQuestionIds.stream().map(String::valueOf).toList())
                    + ") AND a.row_code IS NULL AND a.number_value IS NULL"
                    + " AND (a.option_code = ? OR (a.option_code IS NULL AND a.text_value = ?)))";
            params.add(optionCode);
            params.add(optionCode);
        }
        params.add(limit);
        return jdbc.sql("SELECT r.id, r.version_id, r.submitted_week, r.sort_key FROM survey_response r WHERE r.survey_id = ?"
                        + keyset + filter + " ORDER BY r.sort_key, r.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new ResponseRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** Submitted responses up to {@code maxId}, filtered as in {@link #responsesAfter}. */
    private long countResponses(long surveyId, long maxId, Collection<Long> filterQuestionIds, String optionCode) {
        String filter = "";
        List<Object> params = new ArrayList<>(List.of(surveyId, maxId));
        if (filterQuestionIds != null) {
            if (filterQuestionIds.isEmpty()) {
                return 0;
            }
            filter = " AND r.id IN (SELECT a.response_id FROM survey_answer a WHERE a.question_id IN ("
                    + String.join(",", filterQuestionIds.stream().map(String::valueOf).toList())
                    + ") AND a.row_code IS NULL AND a.number_value IS NULL"
                    + " AND (a.option_code = ? OR (a.option_code IS NULL AND a.text_value = ?)))";
            params.add(optionCode);
            params.add(optionCode);
        }
        return jdbc.sql("SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = ? AND r.id <= ?" + filter)
                .params(params).query(Long.class).single();
    }

    private Map<Long, Long> findIdentities(long surveyId, Collection<Long> responseIds) {
        Map<Long, Long> result = new HashMap<>();
        if (responseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT response_id, account_id FROM survey_response_identity WHERE survey_id = ? AND response_id IN ("
                        + String.join(",", responseIds.stream().map(String::valueOf).toList()) + ")")
                .param(surveyId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    // --- drafts -------------------------------------------------------------------------------------

    private static final String DRAFT_COLUMNS = "id, survey_id, version_id, account_id, page_index, expires_at";

    private static DraftRow draftRow(ResultSet rs, int n) throws SQLException {
        long account = rs.getLong(4);
        Long accountId = rs.wasNull() ? null : account;
        return new DraftRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), accountId, rs.getInt(5), rs.getTimestamp(6).toInstant());
    }

    Optional<DraftRow> draftByCode(long surveyId, String codeHash) {
        return jdbc.sql("SELECT " + DRAFT_COLUMNS + " FROM survey_draft WHERE survey_id = ? AND resume_code_hash = ?")
                .params(surveyId, codeHash).query(ResponseStore::draftRow).optional();
    }

    Optional<DraftRow> draftByAccount(long surveyId, long accountId) {
        return jdbc.sql("SELECT " + DRAFT_COLUMNS + " FROM survey_draft WHERE survey_id = ? AND account_id = ?")
                .params(surveyId, accountId).query(ResponseStore::draftRow).optional();
    }

    long insertDraft(long surveyId, long versionId, Long accountId, String codeHash, int pageIndex, Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO survey_draft (survey_id, version_id, account_id, resume_code_hash, page_index, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(surveyId, versionId, accountId, codeHash, pageIndex, Timestamp.from(expiresAt)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateDraft(long draftId, long versionId, int pageIndex, Instant expiresAt) {
        jdbc.sql("UPDATE survey_draft SET version_id = ?, page_index = ?, expires_at = ? WHERE id = ?")
                .params(versionId, pageIndex, Timestamp.from(expiresAt), draftId).update();
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id = ?").param(draftId).update();
    }

    void deleteDraft(long draftId) {
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id = ?").param(draftId).update();
        jdbc.sql("DELETE FROM survey_draft WHERE id = ?").param(draftId).update();
    }

    int deleteExpiredDrafts(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id IN (SELECT id FROM survey_draft WHERE expires_at <= ?)").param(at).update();
        return jdbc.sql("DELETE FROM survey_draft WHERE expires_at <= ?").param(at).update();
    }
}
