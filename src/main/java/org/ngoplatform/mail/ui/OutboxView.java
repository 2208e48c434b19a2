package org.ngoplatform.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxMailSummary;

import java.time.format.DateTimeFormatter;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.base.ui.ViewerZone;

/** Organisers see the mails the platform queued, sent, only logged, or failed to send. */
@Route("admin/outbox")
@RolesAllowed("ORGANISER")
@Menu(order = 95, title = "menu.outbox", icon = "vaadin:envelopes")
class OutboxView extends Div implements HasDynamicTitle {

    final Grid<OutboxMailSummary> grid = new Grid<>();
    /** Cards instead of columns on a phone (a tap shows the mail's text below, as on a wide window). */
    ResponsiveGrid<OutboxMailSummary> cards;

    OutboxView(MailOutbox outbox) {
        addClassName("page");
        setId("outbox");
        add(new ViewHeader(getTranslation("outbox.title")));
        var intro = new Paragraph(getTranslation("outbox.intro"));
        intro.addClassName("muted");
        add(intro);
        var fmt = ZonedTimes.formatter(ViewerZone.current(), getLocale());
        grid.addColumn(m -> fmt.format(m.createdAt())).setHeader(getTranslation("outbox.col.created")).setWidth("10rem").setFlexGrow(0);
        // set widths that wrap rather than the longest address's or subject's: nothing cut, nothing scrolls sideways
        grid.addClassName("wrapping-grid");
        grid.addColumn(OutboxMailSummary::recipient).setHeader(getTranslation("outbox.col.recipient")).setWidth("11rem").setFlexGrow(1);
        grid.addColumn(OutboxMailSummary::subject).setHeader(getTranslation("outbox.col.subject")).setWidth("13rem").setFlexGrow(3);
        grid.addColumn(m -> getTranslation("outbox.delivery." + m.delivery().name())).setHeader(getTranslation("outbox.col.delivery")).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(OutboxMailSummary::attempts).setHeader(getTranslation("outbox.col.attempts")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("outbox.col.error")).setWidth("8rem").setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        cards = ResponsiveGrid.cards(grid, getTranslation("outbox.col.mail"), m -> new ResponsiveGrid.Card(m.subject())
                .fact(getTranslation("outbox.col.recipient"), m.recipient())
                .fact(getTranslation("outbox.col.created"), fmt.format(m.createdAt()))
                .fact(getTranslation("outbox.col.delivery"), getTranslation("outbox.delivery." + m.delivery().name()))
                .fact(getTranslation("outbox.col.attempts"), String.valueOf(m.attempts()))
                .fact(getTranslation("outbox.col.error"), m.lastError()));
        grid.setItems(q -> outbox.page(q.getOffset(), q.getLimit()).stream(), q -> (int) outbox.count());
        grid.setEmptyStateText(getTranslation("outbox.empty"));
        grid.setHeight("70vh");
        grid.setId("outbox-grid");
        add(grid);
    }

    /** The text of an ordinary mail; a confidential one (reset link, sign-up notice) only says it is not shown. */
    Component details(OutboxMailSummary mail) {
        if (mail.confidential() || mail.body() == null) {
            var hidden = new Paragraph(getTranslation("outbox.confidential"));
            hidden.addClassName("muted");
            return hidden;
        }
        return new Pre(mail.body());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title");
    }
}
