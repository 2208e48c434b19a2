package org.ngoplatform.survey.design;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** One numbered structure of a survey. Responses record the version they answered. */
@Entity
@Table(name = "survey_version")
public class SurveyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "version_number", nullable = false)
    private int number;

    @OneToMany(mappedBy = "surveyVersion", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder ASC")
    private List<SurveySection> sections = new ArrayList<>();

    protected SurveyVersion() {
    }

    SurveyVersion(long surveyId, int number) {
        this.surveyId = surveyId;
        this.number = number;
    }

    public Long getId() { return id; }
    int getNumber() { return number; }
    List<SurveySection> getSections() { return sections; }

    /** Questions in respondent order: by section, then by position within the section. */
    List<SurveyQuestion> questionsInOrder() {
        List<SurveyQuestion> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.getQuestions()));
        return all;
    }

    void renumber() {
        for (int i = 0; i < sections.size(); i++) {
            sections.get(i).setSortOrder(i);
            sections.get(i).renumber();
        }
    }
}
