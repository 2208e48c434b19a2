package org.ngoplatform.survey;

import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * What other modules (the organisers' dashboard) may read of surveys: the open ones with their response counts,
 * published by the one rule of the results page ({@link SurveyResultsService#publishedTotal}), never more exactly.
 */
@Service
public class SurveyOverview {

    private final SurveyBuilderService builder;

    SurveyOverview(SurveyBuilderService builder) {
        this.builder = builder;
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<OpenSurveySummary> openSurveys(int limit) {
        return builder.open(limit).stream().map(s -> {
            var total = SurveyResultsService.publishedTotal(s.suppressionK(), s.responses());
            return new OpenSurveySummary(s.id(), s.title(), s.closesAt(), total.display(), total.hidden());
        }).toList();
    }
}
