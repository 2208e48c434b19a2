package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyLanguages;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.respond.AnswerRules;
import org.ngoplatform.survey.respond.SurveyAnswersRejectedException;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.respond.SurveyRespondentService.OpenSurvey;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where respondents answer, by a survey's public key. Anyone may open it; surveys for signed-in
 * participants ask for sign-in. Nothing here is written to the audit log: answering stays anonymous.
 */
@Route("s/:surveyKey")
@AnonymousAllowed
class SurveyRespondView extends Div implements BeforeEnterObserver, AfterNavigationObserver, HasDynamicTitle {

    static final String RESUME_PARAMETER = "resume";
    /** {@code s/<key>?lang=de} opens the survey in German when it offers German (a link an organiser may share). */
    static final String LANGUAGE_PARAMETER = "lang";
    /** {@code s/<key>?invitation=<secret>}: a personal link from an invitation mail; answers once without sign-in. */
    static final String INVITATION_PARAMETER = "invitation";

    static final String TOKEN_PREFIX = "ngo.survey.token.";
    static final String DONE_PREFIX = "ngo.survey.done.";

    final TextField resumeCode = new TextField();
    final Button resume = new Button();
    final Button start = new Button();
    final SurveyLanguageSelect language;
    SurveyFormPanel form;

    private final SurveyRespondentService respondent;
    private String key;
    private OpenSurvey survey;
    private String currentCode;
    /** The personal link's secret while it is valid; null without one. */
    private String invitation;
    private String title = "";

    SurveyRespondView(SurveyRespondentService respondent) {
        this.respondent = respondent;
        addClassNames("page", "narrow-page", "survey-page");
        setId("survey-respond");
        language = new SurveyLanguageSelect(getTranslation("survey.respond.language"), "survey-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                respondent.open(key, e.getValue()).ifPresent(found -> {
                    survey = found;
                    title = found.structure().title();
                    removeAll();
                    add(new ViewHeader(title));
                    showStart(null);
                });
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        key = event.getRouteParameters().get("surveyKey").orElse("");
        Optional<OpenSurvey> found = respondent.open(key);
        if (found.isEmpty()) {
            RouteIds.notFound(event);
            return;
        }
        survey = found.get();
        // the language asked for by the link, else the UI language, else the browser's, else the base language
        var asked = event.getLocation().getQueryParameters().getParameters().getOrDefault(LANGUAGE_PARAMETER, List.of());
        String preset = !asked.isEmpty() && survey.languages().contains(asked.getFirst()) ? asked.getFirst()
                : SurveyLanguages.preset(survey.languages(), getLocale(), browserLocales());
        if (!preset.equals(survey.language())) {
            survey = respondent.open(key, preset).orElse(survey);
        }
        title = survey.structure().title();
        removeAll();
        add(new ViewHeader(title));
        invitation = null;
        var invited = event.getLocation().getQueryParameters().getParameters().getOrDefault(INVITATION_PARAMETER, List.of());
        if (!invited.isEmpty()) {
            switch (respondent.openInvitation(key, invited.getFirst())) {
                case VALID -> invitation = invited.getFirst();
                case USED -> {
                    add(message(getTranslation("survey.invite.link-used")));
                    return;
                }
                case UNKNOWN -> {
                    add(message(getTranslation("survey.invite.link-unknown")));
                    return;
                }
            }
        }
        if (survey.signInRequired() && invitation == null) {
            add(new Paragraph(getTranslation("survey.respond.sign-in")),
                    new Anchor("login", getTranslation("survey.respond.sign-in.link")));
            return;
        }
        if (!survey.acceptsAnswers() || survey.full()) {
            add(message(getTranslation(survey.full() ? "survey.error.full" : "survey.respond.closed")));
            return;
        }
        if (Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(DONE_PREFIX + key))) {
            add(message(getTranslation("survey.respond.done-here")));
            return;
        }
        List<String> codes = event.getLocation().getQueryParameters().getParameters().getOrDefault(RESUME_PARAMETER, List.of());
        showStart(codes.isEmpty() ? null : codes.getFirst());
    }

    /**
     * A resume link ({@code s/<key>?resume=<code>}) has been read by now: replace the browser's current history
     * entry by the bare survey address, so the code does not stay in the address bar, in back/forward history or
     * in a bookmark made later. Done after navigation, when the router has written its own history entry.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey(RESUME_PARAMETER) || parameters.containsKey(INVITATION_PARAMETER)) {
            event.getLocationChangeEvent().getUI().getPage().getHistory().replaceState(null, event.getLocation().getPath());
        }
    }

    private Paragraph message(String text) {
        var p = new Paragraph(text);
        p.setId("survey-message");
        return p;
    }

    private void showStart(String codeFromLink) {
        language.offer(survey.languages(), survey.language());
        add(language);
        addFallbackNote();
        if (survey.structure().intro() != null) {
            add(new Paragraph(survey.structure().intro()));
        }
        var privacy = new Paragraph(getTranslation(!survey.identified() ? "survey.respond.anonymous"
                : invitation != null ? "survey.respond.identified-invitation" : "survey.respond.identified"));
        privacy.addClassName("muted");
        add(privacy);
        start.setText(getTranslation("survey.respond.start"));
        start.setId("survey-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startForm(Map.of(), 0));
        add(start);
        if (survey.identified() && invitation == null) {
            respondent.resumeMine(key).ifPresent(d -> {
                startForm(d.answers(), d.pageIndex());
                Notification.show(getTranslation("survey.respond.resumed"));
            });
            return;
        }
        resumeCode.setLabel(getTranslation("survey.respond.resume.code"));
        resumeCode.setId("resume-code");
        resumeCode.setMaxLength(SurveyRespondentService.RESUME_CODE_INPUT_MAX);
        resume.setText(getTranslation("survey.respond.resume.go"));
        resume.setId("resume-submit");
        resume.addClickListener(e -> resumeWith(resumeCode.getValue()));
        var box = new Div(new H2(getTranslation("survey.respond.resume")), resumeCode, resume);
        box.addClassName("survey-resume");
        add(box);
        if (codeFromLink != null) {
            resumeCode.setValue(codeFromLink);
            resumeWith(codeFromLink);
        }
    }

    private void resumeWith(String code) {
        try {
            var draft = respondent.resumeWithCode(key, code, invitation);
            currentCode = code;
            startForm(draft.answers(), draft.pageIndex());
            Notification.show(getTranslation("survey.respond.resumed"));
        } catch (SurveyRejectedException refused) {
            resumeCode.setInvalid(true);
            resumeCode.setErrorMessage(getTranslation("survey.respond.resume.invalid"));
        }
    }

    private void startForm(Map<String, AnswerValue> answers, int page) {
        removeAll();
        add(new ViewHeader(title));
        form = new SurveyFormPanel(survey.structure(), true, new SurveyFormPanel.Actions() {
            @Override
            public void save(Map<String, AnswerValue> a, int pageIndex) {
                saveDraft(a, pageIndex);
            }

            @Override
            public Map<String, AnswerRules.Problem> submit(Map<String, AnswerValue> a) {
                return submitAnswers(a);
            }
        });
        form.load(answers, page);
        addFallbackNote();
        add(form);
    }

    /** Texts not yet translated are shown in the base language; the respondent is told so, in the page's language. */
    private void addFallbackNote() {
        if (!survey.fallbacks().isEmpty()) {
            var note = new Paragraph(getTranslation("survey.respond.fallback", language.name(survey.languages().getFirst())));
            note.setId("survey-fallback-note");
            note.addClassName("muted");
            add(note);
        }
    }

    private static List<Locale> browserLocales() {
        Locale browser = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getBrowser().getLocale();
        return browser == null ? List.of() : List.of(browser);
    }

    private void saveDraft(Map<String, AnswerValue> answers, int page) {
        try {
            var saved = respondent.saveDraft(key, currentCode, answers, page, invitation);
            String until = when(saved.expiresAt());
            if (saved.resumeCode() != null) {
                currentCode = saved.resumeCode();
                showCode(saved.resumeCode(), until);
            } else {
                Notification.show(getTranslation("survey.respond.saved", until), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        } catch (SurveyAnswersRejectedException invalid) {
            form.checkPage();
            Notification.show(getTranslation("survey.answer.check-page"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (SurveyRejectedException | AccessDeniedException refused) {
            error(refused instanceof SurveyRejectedException s ? s.messageKey() : "survey.respond.sign-in");
        }
    }

    private void showCode(String code, String until) {
        String link = "s/" + key + "?" + RESUME_PARAMETER + "=" + code
                + (invitation == null ? "" : "&" + INVITATION_PARAMETER + "=" + invitation);
        new ResumeCodeDialog(code, link, until).open();
    }

    private Map<String, AnswerRules.Problem> submitAnswers(Map<String, AnswerValue> answers) {
        VaadinSession session = VaadinSession.getCurrent();
        String token = (String) session.getAttribute(TOKEN_PREFIX + key);
        if (token == null) {
            token = respondent.newSubmissionToken();
            session.setAttribute(TOKEN_PREFIX + key, token);
        }
        try {
            respondent.submit(key, token, answers, currentCode, survey.language(), invitation);
        } catch (SurveyAnswersRejectedException invalid) {
            return invalid.problems();
        } catch (SurveyRejectedException refused) {
            error(refused.messageKey());
            return Map.of();
        } catch (AccessDeniedException denied) {
            error("survey.respond.sign-in");
            return Map.of();
        }
        session.setAttribute(DONE_PREFIX + key, Boolean.TRUE);
        showThanks();
        return Map.of();
    }

    private void showThanks() {
        removeAll();
        add(new SurveyThanks(survey.structure().thankYou()));
    }

    private void error(String key) {
        Notification.show(getTranslation(key), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private String when(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(at.atZone(ZoneOffset.UTC));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
