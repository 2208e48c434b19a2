package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.OfferRules;
import org.ngoplatform.registration.SeatOfferService;
import org.ngoplatform.registration.SeatOfferSummary;

import java.time.Instant;

/** Organisers: every seat offer of the edition, open ones first: who, status, offered, deadline (with zone), answered. */
class OfferHistory extends Div {

    final Grid<SeatOfferSummary> grid = new Grid<>();
    final ResponsiveGrid<SeatOfferSummary> cards;

    OfferHistory(EditionSummary edition, SeatOfferService offers) {
        setId("offer-history");
        add(new H3(getTranslation("offer.history.title")));
        grid.addClassName("wrapping-grid");
        grid.addColumn(SeatOfferSummary::participantName).setHeader(getTranslation("organiser.col.name")).setFlexGrow(2);
        grid.addColumn(o -> getTranslation("offer.status." + o.status().name())).setHeader(getTranslation("organiser.col.status"));
        grid.addColumn(o -> when(o.offeredAt(), edition)).setHeader(getTranslation("offer.history.offered")).setFlexGrow(2);
        grid.addColumn(o -> when(o.expiresAt(), edition)).setHeader(getTranslation("offer.history.deadline")).setFlexGrow(2);
        grid.addColumn(o -> when(o.decidedAt(), edition)).setHeader(getTranslation("offer.history.decided")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        // on a phone each offer is a card: five columns do not fit 360 px
        cards = ResponsiveGrid.cards(grid, getTranslation("offer.history.title"), o -> new ResponsiveGrid.Card(o.participantName())
                .fact(getTranslation("organiser.col.status"), getTranslation("offer.status." + o.status().name()))
                .fact(getTranslation("offer.history.offered"), when(o.offeredAt(), edition))
                .fact(getTranslation("offer.history.deadline"), when(o.expiresAt(), edition))
                .fact(getTranslation("offer.history.decided"), when(o.decidedAt(), edition)));
        grid.setItems(q -> offers.history(edition.id(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) offers.countHistory(edition.id()));
        grid.setEmptyStateText(getTranslation("offer.history.empty"));
        grid.setAllRowsVisible(false);
        grid.setHeight("20rem");
        grid.setId("offer-history-grid");
        add(grid);
    }

    private String when(Instant at, EditionSummary edition) {
        return at == null ? "" : OfferRules.deadlineText(at, edition.timeZone(), getLocale());
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
