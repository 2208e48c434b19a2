package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.base.ui.LiveSubscription;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.export.ui.ExportButton;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyResponseArrived;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySummary;
import org.ngoplatform.survey.design.SurveyWaveService;
import org.ngoplatform.survey.results.PublishedResultsService;
import org.ngoplatform.survey.results.WaveComparisonService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.ngoplatform.survey.design.SurveyTranslationService.SurveyLanguageSummary;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.results.SurveyExportService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;

import java.util.List;

/**
 * Results per question, with suppressed small counts, bars drawn as plain Divs, and live updates while the
 * survey is open.
 */
@Route("surveys/:surveyId/results")
@RolesAllowed({"ANALYST", "ORGANISER"})
class SurveyResultsView extends SurveyRouteView implements HasDynamicTitle {

    static final int TEXT_PAGE = 10;

    // combo boxes, not Selects: Vaadin's Select trips axe's aria-allowed-attr rule
    final ComboBox<String> filterQuestion = new ComboBox<>();
    final ComboBox<String> filterOption = new ComboBox<>();
    final Div content = new Div();
    final Span total = new Span();
    final Checkbox includeIdentity = new Checkbox();
    final ExportButton download;
    final StatisticsDownloadMenu statistics;
    final SurveyLanguageSelect language;

    private final SurveyResultsService results;
    private final LiveUpdates live;
    private final SurveyTranslationService translation;
    private long surveyId;
    private SurveySummary summary;
    private SurveyStructure structure;
    private Registration following;
    private final WaveComparisonService waveComparisons;
    private final SurveyWaveService waves;
    private final PublishedResultsService publications;
    /** The series' waves side by side (issue 17 §4), refreshed with the results. */
    WaveComparisonPanel wavePanel;

    SurveyResultsView(SurveyBuilderService builder, SurveyResultsService results, LiveUpdates live,
                      SurveyExportService surveyExport, ExportService exports, SurveyTranslationService translation,
                      WaveComparisonService waveComparisons, SurveyWaveService waves, PublishedResultsService publications) {
        super(builder);
        this.waveComparisons = waveComparisons;
        this.waves = waves;
        this.publications = publications;
        this.translation = translation;
        language = new SurveyLanguageSelect(getTranslation("survey.results.language"), "results-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) refresh();
        });
        this.results = results;
        this.live = live;
        addClassName("page");
        setId("survey-results");
        content.setId("survey-results-content");
        total.setId("survey-results-total");
        filterQuestion.setLabel(getTranslation("survey.results.filter.question"));
        filterQuestion.setId("results-filter-question");
        filterQuestion.setAllowCustomValue(false);
        filterQuestion.setClearButtonVisible(true);
        filterQuestion.setPlaceholder(getTranslation("survey.results.filter.all"));
        filterOption.setAllowCustomValue(false);
        filterOption.setLabel(getTranslation("survey.results.filter.option"));
        filterOption.setId("results-filter-option");
        filterQuestion.addValueChangeListener(e -> {
            refreshOptions();
            refresh();
        });
        filterOption.addValueChangeListener(e -> refresh());
        includeIdentity.setLabel(getTranslation("surveyexport.identity"));
        includeIdentity.setHelperText(getTranslation("surveyexport.identity.help"));
        includeIdentity.setId("results-include-identity");
        // the filter shown is the filter exported; identity is decided again by the service
        download = new ExportButton(getTranslation("surveyexport.button"), exports,
                () -> surveyExport.exportResults(surveyId, filter(), includeIdentity.isVisible() && includeIdentity.getValue(),
                        language.getValue()));
        download.setId("results-export");
        statistics = new StatisticsDownloadMenu(exports, format -> surveyExport.exportStatistics(surveyId, format, filter(),
                includeIdentity.isVisible() && includeIdentity.getValue(), language.getValue()));
    }

    @Override
    protected void enter(OpenedSurvey opened) {
        summary = opened.summary();
        surveyId = opened.id();
        structure = opened.structure();
        // new responses refresh the view while it is attached: after commit, at most once a second, off the
        // respondent's thread; Vaadin's security context strategy gives the task the analyst's context
        // (SurveyResultsViewTest)
        if (following != null) following.remove();
        following = LiveSubscription.follow(this, live, SurveyResponseArrived.class, surveyId, e -> refresh());
        removeAll();
        add(new ViewHeader(getTranslation("survey.results.title") + ": " + summary.title()));
        List<QuestionDef> choice = structure.questions().stream().filter(q -> q.type().isChoice() || q.type() == QuestionType.COUNTRY).toList();
        filterQuestion.setItems(choice.stream().map(QuestionDef::code).toList());
        filterQuestion.setItemLabelGenerator(c -> c == null ? getTranslation("survey.results.filter.all")
                : structure.question(c).map(QuestionDef::text).orElse(c));
        List<String> codes = translation.languages(surveyId).stream().map(SurveyLanguageSummary::code).toList();
        language.offer(codes, codes.getFirst());
        var filters = new Div(language, filterQuestion, filterOption);
        filters.addClassName("survey-results-filters");
        var legend = new Paragraph(getTranslation("survey.results.legend", structure.suppressionK() - 1, structure.suppressionK()));
        legend.addClassName("muted");
        includeIdentity.setValue(false);
        includeIdentity.setVisible(summary.anonymity() == SurveyAnonymity.IDENTIFIED && SurveyExportService.mayIncludeIdentity());
        var exportBar = new Div(download, statistics, includeIdentity);
        exportBar.addClassName("survey-results-export");
        add(filters, total, legend, exportBar);
        if (summary.status() == SurveyStatus.OPEN) {
            var live = new Span(getTranslation("survey.results.live"));
            live.addClassName("muted");
            add(live);
        }
        add(content);
        wavePanel = new WaveComparisonPanel(waveComparisons, waves, surveyId, this::filter, language::getValue);
        add(wavePanel, new PublicationPanel(publications, surveyId, summary.status()));
        refreshOptions();
        refresh();
    }

    private void refreshOptions() {
        String code = filterQuestion.getValue();
        QuestionDef q = code == null ? null : structure.question(code).orElse(null);
        filterOption.setVisible(q != null);
        if (q != null && q.type() == QuestionType.COUNTRY) {
            List<String> codes = Countries.codesSortedByName(getLocale());
            filterOption.setItems(codes);
            filterOption.setItemLabelGenerator(c -> Countries.name(c, getLocale()));
            filterOption.setValue(codes.getFirst());
        } else if (q != null) {
            filterOption.setItems(q.choices().stream().map(SurveyStructure.OptionDef::code).toList());
            filterOption.setItemLabelGenerator(c -> q.choices().stream().filter(o -> o.code().equals(c)).findFirst()
                    .map(o -> ResultParts.optionLabel(this, getLocale(), q, o.code(), o.label())).orElse(c));
            filterOption.setValue(q.choices().getFirst().code());
        }
    }

    private ResponseFilter filter() {
        return filterQuestion.getValue() == null || filterOption.getValue() == null ? null
                : new ResponseFilter(filterQuestion.getValue(), filterOption.getValue());
    }

    void refresh() {
        SurveyResults r = results.results(surveyId, filter(), language.getValue());
        total.setText(getTranslation("survey.results.responses", r.responses().display()));
        content.removeAll();
        for (QuestionResult q : r.questions()) {
            content.add(card(q, r.k()));
        }
        if (wavePanel != null) wavePanel.refresh();
    }

    private Div card(QuestionResult r, int k) {
        QuestionDef q = r.question();
        var card = new Div(new H3(q.text()));
        card.addClassName("survey-result-card");
        card.setId("result-" + q.code());
        var counts = new Div(new Span(getTranslation("survey.results.answered", r.answered().display())),
                new Span(getTranslation("survey.results.missing", r.missing().display())),
                new Span(getTranslation("survey.results.not-shown", r.notShown().display())));
        counts.addClassName("survey-result-counts");
        card.add(counts);
        if (!r.options().isEmpty()) {
            var bars = new Div();
            bars.addClassName("survey-bars");
            for (OptionCount o : r.options()) {
                bars.add(bar(q, o));
            }
            card.add(bars);
        }
        if (q.type().isNumeric()) {
            ResultParts.addNumberSummary(card, this, getLocale(), r, k);
        }
        if (!r.rows().isEmpty()) card.add(new RowResultsTable(r, k));
        if (q.type().isText()) {
            card.add(texts(q));
        }
        return card;
    }

    private Div bar(QuestionDef q, OptionCount o) {
        var row = ResultParts.bar(ResultParts.optionLabel(this, getLocale(), q, o.code(), o.label()), o.count(),
                o.percent(), o.percent().orElse(0));
        row.getElement().setAttribute("data-code", o.code());
        return row;
    }

    private Div texts(QuestionDef q) {
        var box = new Div();
        box.addClassName("survey-texts");
        long count = results.countTextAnswers(surveyId, q.code(), filter());
        box.add(new Span(getTranslation("survey.results.texts", count)));
        var list = new UnorderedList();
        var previous = new Button(getTranslation("survey.results.previous"));
        var next = new Button(getTranslation("survey.results.more"));
        previous.addThemeVariants(ButtonVariant.LUMO_SMALL);
        next.addThemeVariants(ButtonVariant.LUMO_SMALL);
        int[] offset = {0};
        Runnable show = () -> {
            list.removeAll();
            results.textAnswers(surveyId, q.code(), filter(), offset[0], TEXT_PAGE).forEach(t -> list.add(new ListItem(t)));
            previous.setEnabled(offset[0] > 0);
            next.setEnabled(offset[0] + TEXT_PAGE < count);
        };
        previous.addClickListener(e -> { offset[0] = Math.max(0, offset[0] - TEXT_PAGE); show.run(); });
        next.addClickListener(e -> { offset[0] += TEXT_PAGE; show.run(); });
        show.run();
        box.add(list, new Div(previous, next));
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.results.title");
    }
}
