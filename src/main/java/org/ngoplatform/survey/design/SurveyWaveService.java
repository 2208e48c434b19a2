package org.ngoplatform.survey.design;

import org.ngoplatform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Repeating a survey as a new wave (issue 17 §4, V28 {@code survey_wave}): a wave is a new draft survey copied from
 * an earlier one by {@link SurveyBuilderService#duplicate} (settings, current structure with every question and option
 * code, every translation), then linked to the series of the survey it was copied from. Its responses, running counts
 * and suppression are its own; results compare waves by code ({@code results.WaveComparison}).
 */
@Service
public class SurveyWaveService {

    private final SurveyBuilderService builder;
    private final SurveyRepository surveys;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    SurveyWaveService(SurveyBuilderService builder, SurveyRepository surveys, JdbcClient jdbc, AuditLog audit) {
        this.builder = builder;
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A new wave of the series {@code surveyId} belongs to (a survey never repeated starts one as its wave 1), copied
     * from {@code surveyId}; {@code title} blank keeps the copied title. Returns the new survey's id (a draft).
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public long newWave(long surveyId, String title) {
        Survey source = surveys.findById(surveyId)
                .orElseThrow(() -> new SurveyDesignRejectedException("survey", "survey.error.not-found"));
        long series = seriesOf(source.getId()).orElse(source.getId());
        // the series' first survey's row lock: two new waves at once get consecutive numbers, never the same one
        surveys.lockById(series).orElseThrow();
        if (seriesOf(source.getId()).isEmpty()) {
            jdbc.sql("INSERT INTO survey_wave (survey_id, series_id, wave_number) VALUES (?, ?, 1)")
                    .params(source.getId(), series).update();
        }
        int next = jdbc.sql("SELECT MAX(wave_number) FROM survey_wave WHERE series_id = ?").param(series)
                .query(Integer.class).single() + 1;
        long copy = builder.duplicate(surveyId, title);
        jdbc.sql("INSERT INTO survey_wave (survey_id, series_id, wave_number) VALUES (?, ?, ?)")
                .params(copy, series, next).update();
        audit.record("SURVEY_WAVE_CREATED", "survey:" + copy, "wave " + next + " of survey:" + series
                + ", copied from survey:" + surveyId);
        return copy;
    }

    /**
     * The waves of the series {@code surveyId} belongs to, in wave order; the survey alone (wave 1) when it was never
     * repeated, empty when there is no such survey.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveyWave> waves(long surveyId) {
        Optional<Long> series = seriesOf(surveyId);
        if (series.isEmpty()) {
            return surveys.findById(surveyId)
                    .map(s -> List.of(new SurveyWave(s.getId(), s.getId(), 1, s.getTitle(), s.getStatus())))
                    .orElse(List.of());
        }
        Map<Long, Integer> numbers = jdbc.sql("SELECT survey_id, wave_number FROM survey_wave WHERE series_id = ?")
                .param(series.get()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, Survey> byId = surveys.findAllById(numbers.keySet()).stream()
                .collect(Collectors.toMap(Survey::getId, Function.identity()));
        return numbers.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> {
                    Survey s = byId.get(e.getKey());
                    return new SurveyWave(s.getId(), series.get(), e.getValue(), s.getTitle(), s.getStatus());
                }).toList();
    }

    private Optional<Long> seriesOf(long surveyId) {
        return jdbc.sql("SELECT series_id FROM survey_wave WHERE survey_id = ?").param(surveyId).query(Long.class).optional();
    }
}
