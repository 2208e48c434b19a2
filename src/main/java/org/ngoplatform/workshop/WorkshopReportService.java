package org.ngoplatform.workshop;

import jakarta.validation.Validator;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Validation;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportContent;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The edition report: approved outcomes by group, the joint actions composed from them, and its Excel export. */
@Service
public class WorkshopReportService {

    private final WorkshopGroupRepository groups;
    private final OutcomeEntryRepository entries;
    private final JointActionRepository jointActions;
    private final OutcomeService outcomes;
    private final EditionService editions;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final Validator validator;
    private final Translator translator;
    private final Clock clock;
    private final ExportService exports;

    WorkshopReportService(WorkshopGroupRepository groups, OutcomeEntryRepository entries,
                          JointActionRepository jointActions, OutcomeService outcomes, EditionService editions,
                          OrganisationService organisations, AuditLog audit, Validator validator,
                          Translator translator, Clock clock, ExportService exports) {
        this.exports = exports;
        this.groups = groups;
        this.entries = entries;
        this.jointActions = jointActions;
        this.outcomes = outcomes;
        this.editions = editions;
        this.organisations = organisations;
        this.audit = audit;
        this.validator = validator;
        this.translator = translator;
        this.clock = clock;
    }

    /** Approved and locked groups with their entries, and the joint actions. Any signed-in person. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public EditionReport report(long editionId) {
        EditionSummary edition = editions.require(editionId);
        List<GroupOutcomes> approved = groups.findByEditionIdOrderBySortOrderAscIdAsc(editionId).stream()
                .filter(g -> OutcomeAccess.mayReport(g.getState()))
                .map(outcomes::snapshot)
                .toList();
        return new EditionReport(edition, approved, jointActionsOf(editionId));
    }

    /** Approved action points of the edition, the material joint actions are composed from. Organisers. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<OutcomeEntrySummary> approvedActionPoints(long editionId) {
        return report(editionId).groups().stream().flatMap(g -> g.entries().stream())
                .filter(e -> e.type() == EntryType.ACTION_POINT).toList();
    }

    /** The fields a refused joint action names in its message (the first broken one, in this order). */
    private static final List<String> JOINT_FIELDS = List.of("title", "description");

    /** Creates ({@code id == null}) or updates a joint action. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public JointActionSummary saveJointAction(Long id, long editionId, JointActionForm form) {
        editions.require(editionId);
        if (form == null) {
            throw new JointActionRejectedException("joint.invalid");
        }
        Validation.requireValid(validator, form, JOINT_FIELDS, broken -> new JointActionRejectedException(
                JOINT_FIELDS.contains(Validation.field(broken)) ? "joint.invalid." + Validation.field(broken) : "joint.invalid"));
        Set<Long> orgs = new HashSet<>(form.getSupporterIds());
        orgs.add(form.getLeadOrganisationId());
        if (organisations.findAll(orgs).size() != orgs.size()) {
            throw new JointActionRejectedException("joint.invalid");
        }
        Set<Long> allowedSources = approvedActionPoints(editionId).stream().map(OutcomeEntrySummary::id).collect(Collectors.toSet());
        JointAction action = id == null ? new JointAction(editionId, clock.instant())
                : jointActions.findById(id).filter(a -> a.getEditionId() == editionId)
                .orElseThrow(() -> new JointActionRejectedException("outcome.gone"));
        // Sources already linked stay valid even if their group was unlocked later.
        Set<Long> previous = id == null ? Set.of() : action.getSourceEntryIds();
        if (!form.getSourceEntryIds().stream().allMatch(s -> allowedSources.contains(s) || previous.contains(s))) {
            throw new JointActionRejectedException("joint.sources-not-approved");
        }
        action.apply(form);
        action = jointActions.saveAndFlush(action);
        audit.record(id == null ? "JOINT_ACTION_CREATED" : "JOINT_ACTION_UPDATED", "joint-action:" + action.getId(), action.getTitle());
        return summary(action, organisationNames(List.of(action)));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<JointActionSummary> jointActions(long editionId) {
        editions.require(editionId);
        return jointActionsOf(editionId);
    }

    /**
     * Exports the report workbook through the shared export jobs (progress, expiry, owner-only download,
     * EXPORT_* audit entries) and records the report export. Organisers only.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public ExportStatus exportReport(long editionId, Locale locale) {
        EditionReport report = report(editionId);
        var request = new ExportRequest("Workshop report", "edition:" + editionId,
                "ngo-platform-report-" + report.edition().year(), ExportFormat.XLSX,
                ReportWorkbookWriter.rows(report), "", false);
        var writer = new ReportWorkbookWriter(translator, locale);
        ExportStatus status = exports.start(request, ExportContent.xlsx(workbook -> writer.fill(workbook, report)));
        audit.record("REPORT_EXPORTED", "edition:" + editionId,
                "groups=" + report.groups().size() + ", jointActions=" + report.jointActions().size());
        return status;
    }

    private List<JointActionSummary> jointActionsOf(long editionId) {
        List<JointAction> list = jointActions.findByEditionIdOrderByDateAscIdAsc(editionId);
        Map<Long, String> names = organisationNames(list);
        return list.stream().map(a -> summary(a, names)).toList();
    }

    private Map<Long, String> organisationNames(List<JointAction> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(a -> {
            ids.add(a.getLeadOrganisationId());
            ids.addAll(a.getSupporterIds());
        });
        return organisations.findAll(ids).values().stream().collect(Collectors.toMap(OrganisationRef::id, OrganisationRef::name));
    }

    private JointActionSummary summary(JointAction a, Map<Long, String> names) {
        List<OutcomeEntry> src = entries.findAllById(a.getSourceEntryIds()).stream()
                .sorted(Comparator.comparing(OutcomeEntry::getId)).toList();
        Map<Long, String> owners = outcomes.orgNames(src);
        List<Long> supporters = a.getSupporterIds().stream().sorted().toList();
        return new JointActionSummary(a.getId(), a.getEditionId(), a.getTitle(), a.getDescription(), a.getDate(),
                a.getLeadOrganisationId(), names.get(a.getLeadOrganisationId()), supporters,
                supporters.stream().map(names::get).filter(Objects::nonNull).sorted().toList(), a.getStatus(),
                src.stream().map(e -> OutcomeService.summary(e, owners)).toList(), a.getVersion());
    }
}
