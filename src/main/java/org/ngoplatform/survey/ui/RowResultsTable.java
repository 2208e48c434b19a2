package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.results.CountText;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.RowResult;

/**
 * The results of a matrix (a row per matrix row, a column per shared option) or a ranking (a row per ranked option,
 * a column per place, and its mean place), as a real table with headers, counts as published (hidden ones as "<k"
 * or "*"), each with its share of the row. The table scrolls inside its own box on a narrow screen.
 */
class RowResultsTable extends Div {

    RowResultsTable(QuestionResult result, int k) {
        QuestionDef q = result.question();
        boolean ranking = q.type() == QuestionType.RANKING;
        addClassName("survey-row-results");
        var table = new NativeTable();
        table.setId("row-results-" + q.code());
        table.setCaptionText(q.text());
        var head = new NativeTableRow();
        head.add(new NativeTableHeaderCell(getTranslation(ranking ? "survey.results.ranked-option" : "survey.results.matrix-row")));
        if (!result.rows().isEmpty()) {
            for (OptionCount o : result.rows().getFirst().options()) {
                head.add(column(ranking ? getTranslation("survey.results.rank", o.code()) : label(o)));
            }
        }
        head.add(column(getTranslation("survey.results.row-total")));
        if (ranking) head.add(column(getTranslation("survey.results.mean-rank")));
        table.getHead().add(head);
        NativeTableBody body = table.getBody();
        for (RowResult row : result.rows()) {
            var tr = new NativeTableRow();
            tr.getElement().setAttribute("data-code", row.code());
            var name = new NativeTableHeaderCell(row.label());
            name.getElement().setAttribute("scope", "row");
            tr.add(name);
            for (OptionCount o : row.options()) {
                var cell = new NativeTableCell(CountText.withShare(o.count(), o.percent()));
                cell.getElement().setAttribute("data-code", o.code());
                tr.add(cell);
            }
            tr.add(new NativeTableCell(row.answered().display()));
            if (ranking) tr.add(new NativeTableCell(row.meanRank() == null ? "–" : row.meanRank().toPlainString()));
            body.add(tr);
        }
        add(table);
        if (ranking && result.statsHidden()) {
            var hidden = new Paragraph(getTranslation("survey.results.mean-rank-hidden", k));
            hidden.addClassName("muted");
            add(hidden);
        }
    }

    private static NativeTableHeaderCell column(String text) {
        var cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    private String label(OptionCount o) {
        return SurveyStructure.NO_LONGER_OFFERED.equals(o.code()) ? getTranslation("survey.results.no-longer-offered") : o.label();
    }
}
