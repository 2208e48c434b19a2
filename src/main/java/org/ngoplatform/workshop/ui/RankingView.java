package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.workshop.ChoosingRejectedException;
import org.ngoplatform.workshop.RankingService;
import org.ngoplatform.workshop.ChoosingSummary;
import org.ngoplatform.workshop.MyRanking;
import org.ngoplatform.workshop.WorkshopGroupSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * A participant ranks the groups of a workshop slot: an ordered list with buttons (up, down, remove; add from the
 * groups not ranked yet), each named for its group, so it works by keyboard and on a phone alike (no dragging), then
 * saves. One column at 360 px. Refusals (deadline passed, a group no longer in the slot) show under the list.
 */
@Route("my/programme/choose/:sessionId")
@PermitAll
class RankingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final RankingService ranking;
    final OrderedList ranked = new OrderedList();
    final UnorderedList others = new UnorderedList();
    final Paragraph error = new Paragraph();
    final Button save = new Button();
    private MyRanking mine;

    MyRanking mine() {
        return mine;
    }
    private final List<Long> order = new ArrayList<>();
    private String pageTitle = "";

    RankingView(RankingService ranking) {
        this.ranking = ranking;
        addClassNames("page", "narrow-page", "ranking-page");
        setId("ranking");
        ranked.setId("ranking-list");
        ranked.addClassName("ranking-list");
        others.setId("ranking-others");
        others.addClassName("ranking-list");
        error.setId("ranking-error");
        error.addClassName("field-error");
        error.getElement().setAttribute("role", "alert");
        save.setText(getTranslation("ranking.save"));
        save.setId("ranking-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "sessionId", ranking::mine).ifPresent(this::enter);
    }

    private void enter(MyRanking found) {
        mine = found;
        order.clear();
        order.addAll(found.ranked());
        pageTitle = getTranslation("ranking.title", found.choosing().slot().title());
        removeAll();
        add(new ViewHeader(pageTitle));
        var when = new Paragraph(found.choosing().slot().when(getLocale()));
        when.setId("ranking-slot");
        add(when);
        var deadline = new Paragraph(getTranslation(found.changeable() ? "ranking.until" : "ranking.closed-since",
                found.choosing().closes(getLocale())));
        deadline.setId("ranking-deadline");
        add(deadline);
        if (!found.confirmed()) {
            add(new Paragraph(getTranslation("choosing.not-confirmed")));
        } else if (found.choosing().published()) {
            add(new Paragraph(getTranslation("ranking.published")));
        }
        if (found.changeable()) {
            add(new Paragraph(getTranslation("ranking.help")));
        }
        add(new H2(getTranslation("ranking.yours")), ranked, error);
        var actions = new Div();
        actions.addClassName("ranking-actions");
        if (found.changeable()) {
            add(new H2(getTranslation("ranking.others")), others);
            actions.add(save);
        }
        actions.add(new Anchor("my/programme", getTranslation("ranking.back")));
        add(actions);
        draw();
    }

    /** Redraws both lists from {@link #order}. */
    private void draw() {
        ranked.removeAll();
        others.removeAll();
        boolean editable = mine.changeable();
        if (order.isEmpty()) {
            var none = new ListItem(getTranslation("ranking.empty"));
            none.addClassName("muted");
            ranked.add(none);
        }
        for (int i = 0; i < order.size(); i++) {
            WorkshopGroupSummary g = group(order.get(i));
            var item = new ListItem();
            item.setId("ranked-" + g.id());
            item.addClassName("ranking-item");
            var title = new Span(g.title());
            title.addClassName("ranking-title");
            item.add(title);
            if (editable) {
                final int at = i;
                item.add(iconButton(VaadinIcon.ARROW_UP, "ranking.up", g, at > 0, () -> swap(at, at - 1), "up-"),
                        iconButton(VaadinIcon.ARROW_DOWN, "ranking.down", g, at < order.size() - 1, () -> swap(at, at + 1), "down-"),
                        iconButton(VaadinIcon.CLOSE_SMALL, "ranking.remove", g, true, () -> order.remove(at), "remove-"));
            }
            ranked.add(item);
        }
        if (!editable) return;
        for (WorkshopGroupSummary g : mine.groups()) {
            if (order.contains(g.id())) continue;
            var item = new ListItem();
            item.setId("unranked-" + g.id());
            item.addClassName("ranking-item");
            var title = new Span(g.title());
            title.addClassName("ranking-title");
            var add = new Button(getTranslation("ranking.add"), e -> {
                order.add(g.id());
                draw();
                focus("remove-" + g.id());
            });
            add.setId("add-" + g.id());
            add.setAriaLabel(getTranslation("ranking.add.label", g.title()));
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            item.add(title, add);
            if (g.description() != null) {
                var about = new Paragraph(g.description());
                about.addClassName("muted");
                item.add(about);
            }
            others.add(item);
        }
        if (others.getChildren().findAny().isEmpty()) {
            var all = new ListItem(getTranslation("ranking.all-ranked"));
            all.addClassName("muted");
            others.add(all);
        }
    }

    private Button iconButton(VaadinIcon icon, String labelKey, WorkshopGroupSummary g, boolean enabled, Runnable action,
                              String idPrefix) {
        var button = new Button(icon.create(), e -> {
            action.run();
            draw();
            // keep the keyboard user's place: focus the same button of the moved group (or the list when it left)
            focus(idPrefix + g.id());
        });
        button.setId(idPrefix + g.id());
        button.setAriaLabel(getTranslation(labelKey, g.title()));
        button.setTooltipText(getTranslation(labelKey, g.title()));
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(enabled);
        return button;
    }

    private void focus(String id) {
        getChildren().flatMap(c -> c.getChildren()).flatMap(c -> c.getChildren())
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .ifPresentOrElse(c -> ((Button) c).focus(), () -> save.focus());
    }

    private void swap(int from, int to) {
        Long moved = order.get(from);
        order.set(from, order.get(to));
        order.set(to, moved);
    }

    private WorkshopGroupSummary group(long id) {
        return mine.groups().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    void save() {
        error.setText("");
        try {
            ranking.rank(mine.choosing().sessionId(), List.copyOf(order));
            Notification.show(getTranslation("ranking.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ChoosingRejectedException rejected) {
            error.setText(getTranslation(rejected.messageKey()));
        }
    }

    /** On a participant's programme: the slot's choosing, its deadline and the way to this page. */
    static Paragraph prompt(ChoosingSummary c, java.util.Locale locale) {
        var prompt = new Paragraph();
        prompt.addClassName("my-programme-choosing");
        prompt.setId("choosing-prompt-" + c.sessionId());
        boolean open = c.acceptsRankings(java.time.Instant.now());
        prompt.add(new Span(prompt.getTranslation(open ? "ranking.prompt.open" : "ranking.prompt.closed",
                c.closes(locale)) + " "));
        var link = new Anchor("my/programme/choose/" + c.sessionId(),
                prompt.getTranslation(open ? "ranking.prompt.link" : "ranking.prompt.see"));
        link.setId("choose-" + c.sessionId());
        link.getElement().setAttribute("aria-label", prompt.getTranslation(open ? "ranking.prompt.link.label" : "ranking.prompt.see.label", c.slot().title()));
        prompt.add(link);
        return prompt;
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
