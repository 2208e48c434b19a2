package org.ngoplatform.visaletter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.visaletter.VisaLetterRequestSummary;
import org.ngoplatform.visaletter.VisaLetterService;

import java.util.Optional;

/**
 * On an edition's page: for organisers a link to the edition's visa letters; for a participant whose registration is
 * confirmed or waiting (or who already asked) where their letter stands, with links to their details and letter.
 */
@org.springframework.stereotype.Component
class VisaLetterSection implements EditionPageSection {

    private final VisaLetterService letters;

    VisaLetterSection(VisaLetterService letters) {
        this.letters = letters;
    }

    @Override
    public int order() {
        return 47;
    }

    @Override
    public Optional<Component> create(EditionSummary edition) {
        if (CurrentAccount.get().isEmpty()) {
            return Optional.empty();
        }
        var section = new Div();
        section.addClassName("edition-section");
        section.setId("visa-letter-section");
        section.add(new H2(section.getTranslation("visaletter.section.title")));
        if (CurrentAccount.hasRole(Role.ORGANISER)) {
            var admin = new Anchor("admin/editions/" + edition.id() + "/visa-letters",
                    section.getTranslation("visaletter.section.admin", letters.count(edition.id())));
            admin.setId("visa-letters-admin-link");
            section.add(new Div(admin));
        }
        Optional<VisaLetterRequestSummary> mine = letters.mine(edition.id());
        if (mine.isPresent() || letters.mayAsk(edition.id())) {
            if (mine.isPresent()) {
                section.add(new Paragraph(section.getTranslation("visaletter.mine.status." + mine.get().status().name())));
            }
            var details = new Anchor("editions/" + edition.id() + "/visa-letter",
                    section.getTranslation(mine.isPresent() ? "visaletter.section.change" : "visaletter.section.ask"));
            details.setId("visa-letter-link");
            section.add(new Div(details));
            if (mine.isPresent() && mine.get().issuedAt() != null) {
                var download = new Anchor(LetterDownload.mine(letters, edition.id()), section.getTranslation("visaletter.download"));
                download.setId("visa-section-download");
                section.add(new Div(download));
            }
        }
        return section.getComponentCount() > 1 ? Optional.of(section) : Optional.empty();
    }
}
