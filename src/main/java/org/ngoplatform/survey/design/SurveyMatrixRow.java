package org.ngoplatform.survey.design;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

/** A row of a matrix question (V25), with a stable code like an option's. */
@Entity
@Table(name = "survey_matrix_row")
class SurveyMatrixRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id", nullable = false)
    private SurveyQuestion question;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false, length = 40)
    @Size(max = 40)
    private String code;

    @Column(nullable = false, length = 300)
    @Size(max = 300)
    private String label;

    protected SurveyMatrixRow() {
    }

    SurveyMatrixRow(SurveyQuestion question, int sortOrder, String code, String label) {
        this.question = question;
        this.sortOrder = sortOrder;
        this.code = code;
        this.label = label;
    }

    void edit(int sortOrder, String label) {
        this.sortOrder = sortOrder;
        this.label = label;
    }

    int getSortOrder() { return sortOrder; }
    String getCode() { return code; }
    String getLabel() { return label; }
}
