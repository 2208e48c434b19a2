package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.ngoplatform.workshop.AllocationPreview;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.allocation.AllocationSummary;
import org.ngoplatform.workshop.allocation.GroupFill;

import java.util.List;

/**
 * The figures of an allocation preview, side by side with the first-come-first-served baseline on the same
 * rankings: how many got their 1st, 2nd… choice, who got none, each group's fill. Tables, readable by a screen reader
 * and scrolling sideways on their own at 360 px.
 */
class AllocationFigures extends Div {

    AllocationFigures(AllocationPreview preview) {
        setId("allocation-figures");
        addClassName("allocation-figures");
        AllocationSummary draft = preview.draftSummary();
        AllocationSummary baseline = preview.baseline();
        add(new H3(getTranslation("choosing.figures.title")));
        add(new Paragraph(getTranslation("choosing.figures.intro", draft.score().participants(), preview.moved())));

        var table = table("allocation-choices", getTranslation("choosing.figures.what"),
                getTranslation("choosing.figures.draft"), getTranslation("choosing.figures.baseline"));
        int longest = Math.max(draft.byChoice().size(), baseline.byChoice().size());
        for (int choice = 1; choice <= longest; choice++) {
            row(table, getTranslation("choosing.figures.choice", choice), draft.gotChoice(choice), baseline.gotChoice(choice));
        }
        row(table, getTranslation("choosing.figures.outside"), draft.placedOutsideChoices().size(), baseline.placedOutsideChoices().size());
        row(table, getTranslation("choosing.figures.without"), draft.withoutPlace().size(), baseline.withoutPlace().size());
        row(table, getTranslation("choosing.figures.rank-sum"), draft.score().rankSum(), baseline.score().rankSum());
        add(wrap(table.getParent().orElseThrow()));

        var fills = table("allocation-fills", getTranslation("choosing.figures.group"),
                getTranslation("choosing.figures.draft"), getTranslation("choosing.figures.baseline"));
        for (WorkshopGroupSummary g : preview.groups()) {
            int seats = preview.seats().getOrDefault(g.id(), 0);
            fills.add(new NativeTableRow(rowHeader(g.title()),
                    new NativeTableCell(getTranslation("choosing.figures.fill", placed(draft.groups(), g.id()), seats)),
                    new NativeTableCell(getTranslation("choosing.figures.fill", placed(baseline.groups(), g.id()), seats))));
        }
        add(new H3(getTranslation("choosing.figures.fills")), wrap(fills.getParent().orElseThrow()));

        add(new H3(getTranslation("choosing.figures.none")));
        List<Long> none = new java.util.ArrayList<>(draft.placedOutsideChoices());
        none.addAll(draft.withoutPlace());
        if (none.isEmpty()) {
            var everyone = new Paragraph(getTranslation("choosing.figures.none.nobody"));
            everyone.setId("allocation-none");
            add(everyone);
        } else {
            var list = new UnorderedList();
            list.setId("allocation-none");
            for (long id : none) {
                list.add(new ListItem(draft.withoutPlace().contains(id)
                        ? getTranslation("choosing.figures.none.without", preview.nameOf(id))
                        : getTranslation("choosing.figures.none.outside", preview.nameOf(id),
                        preview.groupTitle(preview.draft().groupOf(id).orElseThrow()))));
            }
            add(list);
        }
    }

    private static long placed(List<GroupFill> fills, long groupId) {
        return fills.stream().filter(f -> f.groupId() == groupId).mapToLong(GroupFill::placed).findFirst().orElse(0);
    }

    /** A table with a header row; returns its body (its parent is the table). */
    private static NativeTableBody table(String id, String... headers) {
        var table = new NativeTable();
        table.setId(id);
        table.addClassName("dashboard-table");
        var head = new NativeTableRow();
        for (String h : headers) head.add(new NativeTableHeaderCell(h));
        var body = new NativeTableBody();
        table.add(new NativeTableHeader(head), body);
        return body;
    }

    private static void row(NativeTableBody body, String what, long draft, long baseline) {
        body.add(new NativeTableRow(rowHeader(what), new NativeTableCell(String.valueOf(draft)),
                new NativeTableCell(String.valueOf(baseline))));
    }

    private static NativeTableHeaderCell rowHeader(String text) {
        var cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", "row");
        return cell;
    }

    private static Div wrap(com.vaadin.flow.component.Component table) {
        var scroll = new Div(table);
        scroll.addClassName("table-scroll");
        return scroll;
    }
}
