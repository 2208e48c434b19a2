package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.workshop.RankingService;
import org.ngoplatform.workshop.ChoosingSummary;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.OutcomeAccess;
import org.ngoplatform.workshop.MembershipRejectedException;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The workshop groups on an edition's page: places left, join / switch / leave for confirmed participants, links
 * to outcomes, the report and (organisers) the set-up. Participants see a group's size and facilitators only.
 */
@Component
class WorkshopGroupsSection implements EditionPageSection {

    private final WorkshopService workshops;
    private final MembershipService memberships;
    private final RankingService ranking;

    WorkshopGroupsSection(WorkshopService workshops, MembershipService memberships, RankingService ranking) {
        this.ranking = ranking;
        this.workshops = workshops;
        this.memberships = memberships;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(EditionSummary edition) {
        List<WorkshopGroupSummary> groups = workshops.groupsOf(edition.id());
        boolean organiser = CurrentAccount.hasRole(Role.ORGANISER);
        if (groups.isEmpty() && !organiser) {
            return Optional.empty();
        }
        var section = new Div();
        section.setId("workshop-groups");
        section.addClassName("section");
        fill(section, edition);
        return Optional.of(section);
    }

    private void fill(Div section, EditionSummary edition) {
        UI ui = UI.getCurrent();
        section.removeAll();
        section.add(new H2(ui.getTranslation("workshop.groups.title")));
        List<WorkshopGroupSummary> groups = workshops.groupsOf(edition.id());
        boolean organiser = CurrentAccount.hasRole(Role.ORGANISER);
        boolean signedIn = CurrentAccount.get().isPresent();
        Map<Long, Long> counts = memberships.memberCounts(edition.id());
        MembershipService.MyGroups mine = signedIn ? memberships.mine(edition.id()) : new MembershipService.MyGroups(false, Set.of());
        boolean upcoming = !edition.isPast(LocalDate.now(ZoneId.of(edition.timeZone())));
        boolean joinable = mine.confirmed() && upcoming;

        var links = new Div();
        links.addClassName("section-links");
        if (signedIn) {
            var report = new Anchor("editions/" + edition.id() + "/report", ui.getTranslation("report.open"));
            report.setId("report-link");
            links.add(report);
        }
        if (organiser) {
            var manage = new Anchor("admin/editions/" + edition.id() + "/groups", ui.getTranslation("group.manage"));
            manage.setId("manage-groups-link");
            links.add(manage);
        }
        section.add(links);
        if (joinable) {
            section.add(new Paragraph(ui.getTranslation("membership.intro")));
        } else if (signedIn && !organiser && upcoming && groups.stream().anyMatch(g -> !g.plenary())) {
            var hint = new Paragraph(ui.getTranslation("membership.confirm-first"));
            hint.setId("membership-hint");
            section.add(hint);
        }
        Map<Long, Optional<ChoosingSummary>> choosingBySlot = new java.util.HashMap<>();
        for (WorkshopGroupSummary g : groups) {
            var card = new Div(new H3(g.title()));
            card.addClassName("group-card");
            card.setId("group-" + g.id());
            boolean member = mine.groupIds().contains(g.id());
            if (g.plenary()) {
                var badge = new Span(ui.getTranslation("workshop.plenary"));
                badge.getElement().getThemeList().add("badge contrast");
                card.add(badge);
            } else if (member) {
                var badge = new Span(ui.getTranslation("membership.yours"));
                badge.getElement().getThemeList().add("badge success");
                card.add(badge);
            }
            var facts = new Div();
            facts.addClassName("group-facts");
            if (!g.slotLabel(ui.getLocale()).isEmpty()) facts.add(new Span(g.slotLabel(ui.getLocale())));
            if (g.room() != null) facts.add(new Span(g.room()));
            long count = counts.getOrDefault(g.id(), 0L);
            if (g.plenary()) {
                facts.add(new Span(ui.getTranslation("membership.plenary-everyone")));
            } else {
                var places = new Span(g.capacity() == null
                        ? ui.getTranslation("membership.size", count)
                        : ui.getTranslation("membership.places-left", Math.max(0, g.capacity() - count), g.capacity()));
                places.setId("places-" + g.id());
                facts.add(places);
            }
            if (!g.facilitatorNames().isEmpty()) {
                facts.add(new Span(ui.getTranslation("group.facilitators", String.join(", ", g.facilitatorNames()))));
            }
            card.add(facts);
            if (g.description() != null) {
                card.add(new Paragraph(g.description()));
            }
            var actions = new Div();
            actions.addClassName("entry-actions");
            Optional<ChoosingSummary> openChoosing = joinable && g.programmeSessionId() != null
                    ? choosingBySlot.computeIfAbsent(g.programmeSessionId(), id -> ranking.choosing(id).filter(c -> !c.published()))
                    : Optional.empty();
            if (openChoosing.isPresent()) {
                // places in this slot are allocated from ranked choices: no joining first come, first served
                var rank = new Anchor("my/programme/choose/" + g.programmeSessionId(), ui.getTranslation("ranking.prompt.link"));
                rank.setId("rank-" + g.id());
                rank.getElement().setAttribute("aria-label", ui.getTranslation("ranking.prompt.link.label", g.slot() == null ? g.title() : g.slot().title()));
                actions.add(rank);
            } else if (joinable && !g.plenary()) {
                boolean full = g.capacity() != null && count >= g.capacity();
                boolean inSlot = groups.stream().anyMatch(o -> mine.groupIds().contains(o.id())
                        && o.slotKey().equals(g.slotKey()));
                if (member) {
                    var leave = new Button(ui.getTranslation("membership.leave"), e -> act(section, edition, () -> memberships.leave(g.id()), "membership.left"));
                    leave.setId("leave-" + g.id());
                    leave.setAriaLabel(ui.getTranslation("membership.leave.label", g.title()));
                    leave.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    actions.add(leave);
                } else if (!full) {
                    var join = new Button(ui.getTranslation(inSlot ? "membership.switch" : "membership.join"),
                            e -> act(section, edition, () -> memberships.join(g.id()), "membership.joined"));
                    join.setId("join-" + g.id());
                    join.setAriaLabel(ui.getTranslation(inSlot ? "membership.switch.label" : "membership.join.label", g.title()));
                    join.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                    actions.add(join);
                } else {
                    actions.add(new Span(ui.getTranslation("membership.full-label")));
                }
            }
            if (signedIn && outcomesReadable(g)) {
                var open = new Anchor("editions/" + edition.id() + "/groups/" + g.id(), ui.getTranslation("group.open-outcomes"));
                open.setId("open-group-" + g.id());
                actions.add(open);
            }
            card.add(actions);
            section.add(card);
        }
    }

    private void act(Div section, EditionSummary edition, Runnable action, String doneKey) {
        UI ui = UI.getCurrent();
        try {
            action.run();
            Notification.show(ui.getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (MembershipRejectedException rejected) {
            Notification.show(ui.getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        fill(section, edition);
    }

    /** The service's read rule, so nobody is offered a link that ends on "access denied". */
    private static boolean outcomesReadable(WorkshopGroupSummary g) {
        return OutcomeAccess.ofCaller(g.facilitatorIds()).mayRead(g.state());
    }
}
