package org.ngoplatform.survey;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read API over submitted responses (results view, Excel export). Everything here is for analysts and
 * organisers; who answered an identified survey is only available through {@link #respondents}, which is
 * audited and refuses anonymous surveys.
 */
@Service
public class SurveyResponses {

    /** Only responses whose answer to question {@code questionCode} holds option {@code optionCode}. */
    public record ResponseFilter(String questionCode, String optionCode) {
    }

    public enum AnswerState {
        /** The respondent answered. */
        ANSWERED,
        /** The question was shown but left empty (optional questions). */
        UNANSWERED,
        /** The question's condition was not met, so it was never shown. */
        SKIPPED_BY_CONDITION,
        /** The question did not exist in the version this response answered. */
        NOT_IN_VERSION
    }

    public record Answer(AnswerState state, AnswerValue value) {
        public boolean answered() {
            return state == AnswerState.ANSWERED;
        }
    }

    /**
     * One submitted response; answers keyed by question code, covering every code of every version. The id is
     * internal (it follows submission order): it links identities of identified surveys and is never exported.
     */
    public record SubmittedResponse(long id, int versionNumber, String submittedWeek, Map<String, Answer> answers) {
        public SubmittedResponse {
            answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        }
    }

    /** Who submitted a response to an identified survey. */
    public record RespondentIdentity(long responseId, long accountId) {
    }

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final ResponseStore store;
    private final AuditLog audit;

    SurveyResponses(SurveyRepository surveys, SurveyVersionRepository versions, ResponseStore store, AuditLog audit) {
        this.surveys = surveys;
        this.versions = versions;
        this.store = store;
        this.audit = audit;
    }

    /** The current version's structure. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public SurveyStructure structure(long surveyId) {
        Survey survey = require(surveyId);
        return SurveyStructure.of(survey, versions.findBySurveyIdAndNumber(surveyId, survey.getCurrentVersion()).orElseThrow());
    }

    /** Every version's structure, oldest first. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveyStructure> versions(long surveyId) {
        Survey survey = require(surveyId);
        return versions.findBySurveyIdOrderByNumberAsc(surveyId).stream().map(v -> SurveyStructure.of(survey, v)).toList();
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long count(long surveyId, ResponseFilter filter) {
        return countUpTo(surveyId, filter, Long.MAX_VALUE);
    }

    /** Submitted responses with an id up to {@code maxId}, filtered; one COUNT query. */
    @Transactional(readOnly = true)
    long countUpTo(long surveyId, ResponseFilter filter, long maxId) {
        Survey survey = require(surveyId);
        List<Long> filterIds = null;
        if (filter != null) {
            filterIds = versions.findBySurveyIdOrderByNumberAsc(surveyId).stream()
                    .flatMap(v -> SurveyStructure.of(survey, v).questions().stream())
                    .filter(q -> q.code().equals(filter.questionCode())).map(QuestionDef::id).toList();
        }
        return store.countResponses(surveyId, maxId, filterIds, filter == null ? null : filter.optionCode());
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
            throw new SurveyRejectedException("survey", "survey.error.anonymous");
        }
        Map<Long, Long> found = store.identities(surveyId, responseIds);
        audit.record("SURVEY_RESPONDENTS_READ", "survey:" + surveyId, found.size() + " respondents");
        return found.entrySet().stream().map(e -> new RespondentIdentity(e.getKey(), e.getValue())).toList();
    }

    void forEachPage(long surveyId, ResponseFilter filter, int pageSize, Consumer<List<SubmittedResponse>> consumer) {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("page size 1..5000");
        }
        Survey survey = require(surveyId);
        List<SurveyStructure> all = versions.findBySurveyIdOrderByNumberAsc(surveyId).stream()
                .map(v -> SurveyStructure.of(survey, v)).toList();
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
        ResponseStore.ResponseRow after = null;
        while (true) {
            List<ResponseStore.ResponseRow> rows = store.responsesAfter(surveyId, after, pageSize, filterIds,
                    filter == null ? null : filter.optionCode());
            if (rows.isEmpty()) {
                return;
            }
            Map<Long, Map<String, AnswerValue>> answers = store.loadAnswers("survey_answer", "response_id",
                    rows.stream().map(ResponseStore.ResponseRow::id).toList(), questionsById);
            List<SubmittedResponse> page = new ArrayList<>();
            for (ResponseStore.ResponseRow row : rows) {
                SurveyStructure version = byVersion.get(row.versionId());
                Map<String, AnswerValue> given = answers.getOrDefault(row.id(), Map.of());
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
                page.add(new SubmittedResponse(row.id(), version.versionNumber(), row.submittedWeek(), keyed));
            }
            consumer.accept(page);
            after = rows.getLast();
            if (rows.size() < pageSize) {
                return;
            }
        }
    }

    private Survey require(long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new SurveyRejectedException("survey", "survey.error.not-found"));
    }
}
