package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.registration.MyOffer;
import org.ngoplatform.registration.SeatOfferService;

import java.util.List;

/**
 * Where the offer mail's links lead ({@code my/offers/:offerId?answer=accept|decline}), after signing in: the
 * person's own offer with its deadline and both answers; the link's answer is asked first, nothing happens on
 * opening (see {@link SeatOfferService} for why). Someone else's offer, or none, is "Page not found".
 */
@Route("my/offers/:offerId")
@PermitAll
class OfferView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final SeatOfferService offers;
    OfferPanel panel;
    private long offerId;

    OfferView(SeatOfferService offers) {
        this.offers = offers;
        addClassNames("page", "narrow-page");
        setId("offer-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> answer = event.getLocation().getQueryParameters().getParameters().getOrDefault("answer", List.of());
        RouteIds.find(event, "offerId", offers::mine).ifPresent(offer -> {
            offerId = offer.id();
            show(offer, answer.contains("decline"));
        });
    }

    private void show(MyOffer offer, boolean declineFirst) {
        removeAll();
        add(new ViewHeader(getPageTitle()));
        add(new Paragraph(getTranslation("offer.for", offer.edition().title())));
        if (offer.status() != org.ngoplatform.registration.OfferStatus.OPEN) {
            var closed = new Paragraph(getTranslation("offer.status-now", getTranslation("offer.status." + offer.status().name())));
            closed.setId("offer-closed");
            add(closed);
        } else {
            panel = new OfferPanel(offer, offers, () -> offers.mine(offerId).ifPresent(o -> show(o, false)));
            add(panel);
            if (offer.answerable()) {
                (declineFirst ? panel.decline : panel.accept).focus();
            }
        }
        add(new Anchor("my/registrations", getTranslation("my.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("offer.title");
    }
}
