package org.ngoplatform.visaletter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.visaletter.VisaLetterRejectedException;
import org.ngoplatform.visaletter.VisaLetterRules;
import org.ngoplatform.visaletter.VisaLetterService;
import org.ngoplatform.visaletter.VisaLetterTemplateSummary;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The edition's letter template in the organisers' words: the text with its placeholders, the language its dates
 * are written in, and the list of placeholders. A refusal (too long, a placeholder that does not exist) shows next
 * to the text and nothing is kept.
 */
class TemplateEditor extends Div {

    final TextArea body = new TextArea();
    final Select<String> language = new Select<>();
    final Button save = new Button();
    private final VisaLetterService letters;
    private final long editionId;
    private final FieldErrors errors;

    TemplateEditor(VisaLetterService letters, long editionId) {
        this.letters = letters;
        this.editionId = editionId;
        addClassName("visa-template");
        setId("visa-template");
        add(new H2(getTranslation("visaletter.template.title")));
        add(new Paragraph(getTranslation("visaletter.template.intro")));
        var placeholders = new Paragraph(VisaLetterRules.PLACEHOLDERS.stream().map(p -> "{" + p + "}")
                .collect(Collectors.joining("  ")));
        placeholders.addClassName("visa-placeholders");
        placeholders.setId("visa-placeholders");
        add(placeholders);

        language.setLabel(getTranslation("visaletter.template.language"));
        language.setItems(VisaLetterRules.LANGUAGES);
        language.setItemLabelGenerator(code -> Locale.of(code).getDisplayLanguage(getLocale()));
        language.setId("visa-template-language");
        language.setWidth("20rem");
        language.setMaxWidth("100%");
        body.setLabel(getTranslation("visaletter.template.body"));
        body.setMaxLength(VisaLetterRules.TEMPLATE_MAX);
        body.setRequiredIndicatorVisible(true);
        body.setManualValidation(true);
        body.setWidthFull();
        body.setMinHeight("16rem");
        body.setId("visa-template-body");
        save.setText(getTranslation("visaletter.template.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("visa-template-save");
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                save();
            } finally {
                save.setEnabled(true);
            }
        });
        errors = new FieldErrors(this, FieldErrors.notification(8000, Notification.Position.MIDDLE))
                .on(body, "body").on(language, "language");
        show(letters.template(editionId, getLocale()));
        add(language, body, save);
    }

    private void show(VisaLetterTemplateSummary t) {
        body.setValue(t.body());
        language.setValue(t.language());
        body.setHelperText(getTranslation(t.saved() ? "visaletter.template.saved-help" : "visaletter.template.suggested-help"));
    }

    private void save() {
        body.setInvalid(false);
        language.setInvalid(false);
        try {
            show(letters.saveTemplate(editionId, body.getValue(), language.getValue()));
            Notification.show(getTranslation("visaletter.template.saved"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (VisaLetterRejectedException rejected) {
            errors.show(rejected, rejected.params());
        }
    }
}
