package org.ngoplatform.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeService;

import java.util.Optional;

/** On an edition's page: a link to its programme once it has one, and (organisers) to the programme editor. */
@org.springframework.stereotype.Component
class ProgrammeSection implements EditionPageSection {

    private final ProgrammeService programmes;

    ProgrammeSection(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create(EditionSummary edition) {
        boolean any = programmes.programme(edition.id()).map(p -> !p.sessions().isEmpty()).orElse(false);
        boolean organiser = CurrentAccount.hasRole(Role.ORGANISER);
        if (!any && !organiser) {
            return Optional.empty();
        }
        var section = new Div();
        section.addClassName("edition-section");
        section.setId("programme-section");
        var heading = new H2();
        section.add(heading);
        heading.setText(section.getTranslation("programme.section.title"));
        if (any) {
            var link = new Anchor("editions/" + edition.id() + "/programme", section.getTranslation("programme.section.open"));
            link.setId("programme-link");
            section.add(new Div(link));
        }
        if (organiser) {
            var edit = new Anchor("admin/editions/" + edition.id() + "/programme", section.getTranslation("programme.section.edit"));
            edit.setId("programme-edit-link");
            section.add(new Div(edit));
        }
        return Optional.of(section);
    }
}
