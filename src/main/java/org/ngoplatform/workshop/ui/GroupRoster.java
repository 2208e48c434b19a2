package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.ngoplatform.workshop.MembershipService;

import java.util.List;

/** The members of a group with name and organisation, folded: only for those the rule lets see the roster. */
class GroupRoster extends Div {

    private final MembershipService memberships;

    GroupRoster(MembershipService memberships) {
        this.memberships = memberships;
        setId("roster");
        addClassName("roster");
    }

    void show(long groupId, boolean allowed) {
        removeAll();
        if (!allowed) {
            return;
        }
        List<MembershipService.MemberSummary> members = memberships.roster(groupId);
        var details = new Details(getTranslation("membership.roster", members.size()));
        if (members.isEmpty()) {
            details.add(new Paragraph(getTranslation("membership.roster.empty")));
        } else {
            var list = new UnorderedList();
            members.forEach(m -> list.add(new ListItem(m.organisation() == null ? m.displayName()
                    : getTranslation("membership.roster.line", m.displayName(), m.organisation()))));
            details.add(list);
        }
        add(details);
    }
}
