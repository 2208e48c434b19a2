package org.ngoplatform.survey.design;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/** A page of a survey. */
@Entity
@Table(name = "survey_section")
class SurveySection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false)
    private SurveyVersion surveyVersion;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false, length = 200)
    @Size(max = 200)
    private String title;

    @Column(length = 2000)
    @Size(max = 2000)
    private String intro;

    @OneToMany(mappedBy = "section", cascade = CascadeType.ALL)
    @OrderBy("sortOrder ASC")
    private List<SurveyQuestion> questions = new ArrayList<>();

    protected SurveySection() {
    }

    SurveySection(SurveyVersion version, String title, String intro) {
        this.surveyVersion = version;
        edit(title, intro);
    }

    void edit(String title, String intro) {
        this.title = title.strip();
        this.intro = Survey.blankToNull(intro);
    }

    void renumber() {
        for (int i = 0; i < questions.size(); i++) {
            questions.get(i).setSortOrder(i);
        }
    }

    Long getId() { return id; }
    int getSortOrder() { return sortOrder; }
    void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    String getTitle() { return title; }
    String getIntro() { return intro; }
    List<SurveyQuestion> getQuestions() { return questions; }
}
