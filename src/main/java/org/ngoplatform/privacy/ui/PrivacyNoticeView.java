package org.ngoplatform.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.privacy.PrivacyNotice;
import org.ngoplatform.privacy.PrivacyNoticeForm;
import org.ngoplatform.privacy.PrivacyNoticeService;
import org.ngoplatform.privacy.PrivacyRejectedException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The privacy notice people consent to; its version is stored with every consent. {@code ?version=label} shows an
 * earlier version. The text is shown in the UI language when the version has one, else in English with a note.
 * Organisers publish a new version here, with an English text and optional German and Russian ones.
 */
@Route("privacy")
@AnonymousAllowed
class PrivacyNoticeView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final PrivacyNoticeService notices;
    final Div text = new Div();
    final Div versions = new Div();
    final Div editor = new Div();
    Button edit;
    final TextField label = new TextField();
    final TextArea body = new TextArea();
    final TextArea bodyDe = new TextArea();
    final TextArea bodyRu = new TextArea();
    Button publish;
    BeanValidationBinder<PrivacyNoticeForm> binder;

    PrivacyNoticeView(PrivacyNoticeService notices) {
        this.notices = notices;
        addClassName("page");
        setId("privacy-notice");
        // The notice has no controls for most people; make it reachable and scrollable by keyboard.
        text.getElement().setAttribute("tabindex", "0");
        text.getElement().setAttribute("role", "region");
        text.getElement().setAttribute("aria-label", getTranslation("privacy.title"));
        text.setId("privacy-text");
        versions.setId("privacy-versions");
        editor.setId("privacy-editor");
        editor.addClassName("privacy-editor");
        editor.setVisible(false);
        if (CurrentAccount.hasRole(Role.ORGANISER)) {
            edit = new Button(getTranslation("privacy.admin.notice.edit"), e -> openEditor());
            edit.setId("privacy-edit");
            add(new ViewHeader(getTranslation("privacy.title"), edit));
        } else {
            add(new ViewHeader(getTranslation("privacy.title")));
        }
        add(editor, text, versions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("version", List.of());
        PrivacyNotice shown = asked.isEmpty() ? notices.current()
                : notices.version(asked.getFirst()).orElseGet(notices::current);
        show(shown);
    }

    private void show(PrivacyNotice notice) {
        PrivacyNotice current = notices.current();
        text.removeAll();
        String when = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                .format(notice.publishedAt().atZone(ZoneId.of("UTC")));
        var version = new Paragraph(getTranslation("privacy.version", notice.versionLabel()) + " · "
                + getTranslation("privacy.published", when));
        version.addClassName("muted");
        version.setId("privacy-version");
        text.add(version);
        if (notice.id() != current.id()) {
            var old = new Paragraph(getTranslation("privacy.old-version"));
            old.addClassName("privacy-old");
            text.add(old, new Anchor("privacy", getTranslation("privacy.current-link")));
        }
        Locale locale = getLocale();
        if (!notice.hasText(locale)) {
            var fallback = new Paragraph(getTranslation("privacy.fallback"));
            fallback.setId("privacy-fallback");
            fallback.addClassName("privacy-fallback");
            fallback.getElement().setAttribute("role", "note");
            text.add(fallback);
        }
        var content = new Div();
        content.setId("privacy-content");
        content.getElement().setAttribute("lang", notice.hasText(locale) && locale != null ? locale.getLanguage() : "en");
        NoticeText.render(notice.text(locale)).forEach(content::add);
        text.add(content);
        versions.removeAll();
        List<PrivacyNotice> all = notices.versions();
        if (all.size() > 1) {
            versions.add(new H2(getTranslation("privacy.versions")));
            for (PrivacyNotice v : all) {
                var link = new Anchor("privacy?version=" + URLEncoder.encode(v.versionLabel(), StandardCharsets.UTF_8),
                        getTranslation("privacy.version", v.versionLabel()));
                versions.add(new Div(link));
            }
        }
    }

    private void openEditor() {
        editor.removeAll();
        binder = RequiredFields.binder(PrivacyNoticeForm.class);
        label.setLabel(getTranslation("privacy.admin.notice.label"));
        label.setHelperText(getTranslation("privacy.admin.notice.label.help"));
        label.setMaxLength(PrivacyNoticeForm.LABEL_MAX);
        label.setRequired(true);
        label.setId("privacy-label");
        body.setLabel(getTranslation("privacy.admin.notice.body.en"));
        body.setHelperText(getTranslation("privacy.admin.notice.body.help"));
        body.setMaxLength(PrivacyNoticeForm.BODY_MAX);
        body.setRequired(true);
        body.setWidthFull();
        body.setId("privacy-body");
        bodyDe.setLabel(getTranslation("privacy.admin.notice.body.de"));
        bodyDe.setId("privacy-body-de");
        bodyDe.getElement().setAttribute("lang", "de");
        bodyRu.setLabel(getTranslation("privacy.admin.notice.body.ru"));
        bodyRu.setId("privacy-body-ru");
        bodyRu.getElement().setAttribute("lang", "ru");
        for (TextArea optional : List.of(bodyDe, bodyRu)) {
            optional.setHelperText(getTranslation("privacy.admin.notice.body.optional.help"));
            optional.setMaxLength(PrivacyNoticeForm.BODY_MAX);
            optional.setWidthFull();
        }
        binder.forField(label).asRequired(getTranslation("privacy.admin.notice.label.required")).bind("versionLabel");
        binder.forField(body).asRequired(getTranslation("privacy.admin.notice.body.required")).bind("body");
        binder.forField(bodyDe).bind("bodyDe");
        binder.forField(bodyRu).bind("bodyRu");
        var form = new PrivacyNoticeForm();
        PrivacyNotice current = notices.current();
        form.setBody(current.body());
        form.setBodyDe(current.translations().getOrDefault("de", ""));
        form.setBodyRu(current.translations().getOrDefault("ru", ""));
        binder.setBean(form);
        publish = new Button(getTranslation("privacy.admin.notice.publish"), e -> publish());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setId("privacy-publish");
        var cancel = new Button(getTranslation("privacy.admin.notice.cancel"), e -> editor.setVisible(false));
        editor.add(new Paragraph(getTranslation("privacy.admin.notice.intro")), label, body, bodyDe, bodyRu,
                new HorizontalLayout(publish, cancel));
        editor.setVisible(true);
        label.focus();
    }

    private void publish() {
        if (!binder.validate().isOk()) {
            return;
        }
        try {
            PrivacyNotice published = notices.publish(binder.getBean());
            editor.setVisible(false);
            show(published);
            Notification.show(getTranslation("privacy.admin.notice.published", published.versionLabel()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PrivacyRejectedException rejected) {
            // Nothing typed is lost: the editor stays open with the text.
            rejections.show(rejected.field(), getTranslation(rejected.messageKey()));
        }
    }

    private final FieldErrors rejections = new FieldErrors(this, FieldErrors.into(label))
            .on(body, "body").on(bodyDe, "bodyDe").on(bodyRu, "bodyRu");

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title");
    }
}
