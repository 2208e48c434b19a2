package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.survey.SurveyLanguages;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.results.CountText;
import org.ngoplatform.survey.results.PublishedResultsService;
import org.ngoplatform.survey.results.PublishedResultsService.PublishedResults;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The published results of a closed survey, for anyone with the link ({@code published/<slug>}, made by
 * {@link PublicationPanel}): the same suppressed counts as the analysts' results view without a filter, as bars drawn
 * on the server (Divs, each chart also a table of its counts for assistive technology and print), free-text questions
 * left out. The survey's languages are plain links ({@code ?lang=de}), so a visit holds no listener and no state
 * beyond the components of the page; nothing is cached per visitor. Prints on A4 without the app's chrome
 * (ngo-platform.css) and with the bars in colour (published-results.css). An unknown or unpublished slug is
 * "page not found".
 */
@Route("published/:slug")
@AnonymousAllowed
@StyleSheet("context://styles/published-results.css")
class PublishedResultsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String LANGUAGE_PARAMETER = "lang";

    private final PublishedResultsService publications;
    private String title = "";

    PublishedResultsView(PublishedResultsService publications) {
        this.publications = publications;
        addClassNames("page", "published-results");
        setId("published-results");
    }

    /** The route of a publication's page. */
    static String path(String slug) {
        return "published/" + slug;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        var asked = event.getLocation().getQueryParameters().getParameters().getOrDefault(LANGUAGE_PARAMETER, List.of());
        String language = asked.isEmpty() ? getLocale().getLanguage() : asked.getFirst();
        Optional<PublishedResults> found = publications.published(slug, language);
        if (found.isEmpty()) {
            RouteIds.notFound(event);
            return;
        }
        show(found.get());
    }

    private void show(PublishedResults p) {
        removeAll();
        title = p.results().structure().title();
        var heading = new H1(title);
        var tools = new Div();
        tools.addClassNames("published-results-tools", "no-print");
        if (p.languages().size() > 1) {
            var languages = new Div(new Span(getTranslation("survey.published.languages")));
            languages.setId("published-languages");
            languages.addClassName("published-results-languages");
            for (String code : p.languages()) {
                String name = languageName(code);
                if (code.equals(p.language())) {
                    var current = new Span(name);
                    current.addClassName("published-results-language-current");
                    languages.add(current);
                } else {
                    var link = new Anchor(path(p.slug()) + "?" + LANGUAGE_PARAMETER + "=" + code, name);
                    link.getElement().setAttribute("hreflang", code);
                    languages.add(link);
                }
            }
            tools.add(languages);
        }
        var print = new Button(getTranslation("survey.published.print"), e -> e.getSource().getElement().executeJs("window.print()"));
        print.setId("published-print");
        tools.add(print);
        var total = new Paragraph(getTranslation("survey.results.responses", p.results().responses().display()));
        total.setId("published-total");
        int k = p.results().k();
        var legend = new Paragraph(getTranslation("survey.results.legend", k - 1, k));
        legend.addClassName("muted");
        var privacy = new Paragraph(getTranslation("survey.published.no-texts"));
        privacy.addClassName("muted");
        var content = new Div();
        content.setId("published-content");
        // the survey's texts are in the chosen language, the page's own in the UI's
        content.getElement().setAttribute("lang", p.language());
        for (QuestionResult q : p.results().questions()) {
            content.add(card(q, k));
        }
        heading.getElement().setAttribute("lang", p.language());
        add(heading, tools, total, legend, privacy, content);
    }

    private String languageName(String code) {
        String inViewer = SurveyLanguages.name(code, getLocale());
        String inItself = SurveyLanguages.name(code, Locale.of(code));
        return inViewer.equals(inItself) ? inViewer : inViewer + " – " + inItself;
    }

    private Div card(QuestionResult r, int k) {
        QuestionDef q = r.question();
        var card = new Div(new H2(q.text()));
        card.addClassName("survey-result-card");
        card.setId("published-" + q.code());
        var answered = new Span(getTranslation("survey.results.answered", r.answered().display()));
        var counts = new Div(answered);
        counts.addClassName("survey-result-counts");
        card.add(counts);
        if (!r.options().isEmpty()) {
            var bars = new Div();
            bars.addClassName("survey-bars");
            List<String> described = new ArrayList<>();
            for (OptionCount o : r.options()) {
                String label = ResultParts.optionLabel(this, getLocale(), q, o.code(), o.label());
                var bar = ResultParts.bar(label, o.count(), o.percent(), o.percent().orElse(0));
                bar.getElement().setAttribute("data-code", o.code());
                bars.add(bar);
                described.add(label + ": " + CountText.withShare(o.count(), o.percent()));
            }
            bars.getElement().setAttribute("role", "img");
            bars.getElement().setAttribute("aria-label", q.text() + ". " + String.join("; ", described));
            card.add(bars);
        }
        // a matrix's or a ranking's row tables: the same component and the same suppressed cells as the analyst's view
        if (!r.rows().isEmpty()) card.add(new RowResultsTable(r, k));
        if (q.type().isNumeric()) {
            ResultParts.addNumberSummary(card, this, getLocale(), r, k);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("survey.published.title") : title;
    }
}
