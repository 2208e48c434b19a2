package org.ngoplatform.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;

import java.util.Optional;

/**
 * On an edition's page, for those who may check people in (organisers; facilitators of the edition once an
 * organiser let them): links to the check-in list and the sign-in sheet. Nobody else sees it.
 */
@org.springframework.stereotype.Component
class CheckInSection implements EditionPageSection {

    private final AttendanceService attendance;

    CheckInSection(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> create(EditionSummary edition) {
        if (!(CurrentAccount.hasRole(Role.ORGANISER) || CurrentAccount.hasRole(Role.FACILITATOR))
                || !attendance.mayCheckIn(edition.id())) {
            return Optional.empty();
        }
        var section = new Div();
        section.addClassName("edition-section");
        section.setId("check-in-section");
        section.add(new H2(section.getTranslation("attendance.section.title")));
        var open = new Anchor("editions/" + edition.id() + "/check-in", section.getTranslation("attendance.section.open"));
        open.setId("check-in-link");
        var sheet = new Anchor("editions/" + edition.id() + "/sign-in-sheet", section.getTranslation("attendance.sign-in-sheet"));
        section.add(new Div(open), new Div(sheet));
        return Optional.of(section);
    }
}
