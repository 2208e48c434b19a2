package org.ngoplatform.survey.design;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface SurveyVersionRepository extends JpaRepository<SurveyVersion, Long> {

    Optional<SurveyVersion> findBySurveyIdAndNumber(long surveyId, int number);

    List<SurveyVersion> findBySurveyIdOrderByNumberAsc(long surveyId);
}
