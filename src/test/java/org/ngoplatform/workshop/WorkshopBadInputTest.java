package org.ngoplatform.workshop;

import org.junit.jupiter.api.AfterEach;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.HostileInput;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hostile text in every workshop form: groups (title, description, slot, room; create and update), outcome
 * entries (add, edit, the conflict path), the unlock reason, and joint actions. Each is either refused with the
 * form's own message ({@link WorkshopRejectedException}) with nothing written, or stored as typed, stripped
 * (blank optional fields mean "not given").
 */
@IntegrationTest
class WorkshopBadInputTest {

    static Stream<String> hostile() {
        return HostileInput.texts();
    }

    private static final Map<String, BiConsumer<GroupForm, String>> GROUP_FIELDS = Map.of(
            "title", GroupForm::setTitle,
            "description", GroupForm::setDescription,
            "session_slot", GroupForm::setSessionSlot,
            "room", GroupForm::setRoom);

    private static final String[] OUTCOME_TABLES = {"outcome_entry", "outcome_revision", "audit_event"};

    @Autowired EditionService editions;
    @Autowired AccountFixtures fixtures;
    @Autowired WorkshopService workshops;
    @Autowired OutcomeService outcomes;
    @Autowired WorkshopReportService reports;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired EditionFixtures editionFixtures;
    @Autowired ExportService exports;
    WorkshopTestSupport support;
    HostileInput input;

    @BeforeEach
    void setUp() {
        support = new WorkshopTestSupport(fixtures, workshops, editions);
        input = new HostileInput(jdbc).alsoClear(WorkshopRejectedException.class);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** Any refusal other than the form's own would reach the view unexplained: fail the test on it. */
    private static <T> Supplier<T> onlyFormRefusals(Supplier<T> action) {
        return HostileInput.onlyRefusalsOf(WorkshopRejectedException.class, action);
    }

    /** What an optional column holds after the text was accepted; the title is required, so never blank. */
    private static String stored(String text) {
        String s = text.strip();
        return s.isEmpty() ? null : s;
    }

    private static GroupForm validGroup() {
        GroupForm form = new GroupForm();
        form.setTitle("Bad input " + UUID.randomUUID().toString().substring(0, 8));
        form.setSessionSlot("Day 1");
        form.setRoom("Room B");
        form.setCapacity(15);
        return form;
    }

    private String groupColumn(long groupId, String column) {
        return jdbc.queryForObject("select " + column + " from workshop_group where id = ?", String.class, groupId);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void creating_a_group(String text) {
        support.group(); // signs the organiser in
        GROUP_FIELDS.forEach((column, setter) -> {
            GroupForm form = validGroup();
            setter.accept(form, text);
            var created = new AtomicReference<WorkshopGroupSummary>();
            boolean accepted = input.acceptedOrClearlyRefused(
                    onlyFormRefusals(() -> created.getAndSet(workshops.createGroup(support.edition2013(), form))), "workshop_group", "audit_event");
            if (accepted) {
                assertThat(groupColumn(created.get().id(), column)).as(column).isEqualTo(stored(text));
            }
            assertThat(accepted).as(column).isEqualTo(text.length() <= 100 && !(column.equals("title") && text.isBlank()));
        });
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void changing_a_group(String text) {
        long groupId = support.group().groupId();
        GROUP_FIELDS.forEach((column, setter) -> {
            WorkshopGroupSummary before = workshops.group(groupId);
            GroupForm form = GroupForm.of(before);
            setter.accept(form, text);
            boolean accepted = input.acceptedOrClearlyRefused(
                    onlyFormRefusals(() -> workshops.updateGroup(groupId, before.version(), form)), "workshop_group", "audit_event");
            if (accepted) {
                assertThat(groupColumn(groupId, column)).as(column).isEqualTo(stored(text));
            } else {
                assertThat(workshops.group(groupId)).as("nothing of a refused change is written").isEqualTo(before);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void adding_an_outcome_entry(String text) {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        for (EntryType type : new EntryType[] {EntryType.KEY_POINT, EntryType.ACTION_POINT}) {
            OrganisationRef owner = organisations.approved().getFirst();
            EntryDraft draft = new EntryDraft(type, text, owner.id(), java.time.LocalDate.of(2027, 3, 1));
            var added = new AtomicReference<OutcomeEntrySummary>();
            boolean accepted = input.acceptedOrClearlyRefused(onlyFormRefusals(() -> added.getAndSet(outcomes.add(f.groupId(), draft))), OUTCOME_TABLES);
            if (accepted) {
                assertThat(jdbc.queryForObject("select text from outcome_entry where id = ?", String.class, added.get().id()))
                        .isEqualTo(text.strip());
                assertThat(added.get().text()).isEqualTo(text.strip());
            }
            assertThat(accepted).isEqualTo(text.strip().length() >= OutcomeEntry.TEXT_MIN && text.length() <= OutcomeEntry.TEXT_MAX);
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void editing_an_outcome_entry(String text) {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary entry = outcomes.add(f.groupId(), new EntryDraft(EntryType.CHALLENGE, "Shelters are full", null, null));
        boolean accepted = input.acceptedOrClearlyRefused(
                onlyFormRefusals(() -> outcomes.update(entry.id(), entry.version(), new EntryDraft(EntryType.CHALLENGE, text, null, null))), OUTCOME_TABLES);
        String now = jdbc.queryForObject("select text from outcome_entry where id = ?", String.class, entry.id());
        assertThat(now).isEqualTo(accepted ? text.strip() : "Shelters are full");
        if (accepted) {
            // overwritten, then an organiser restores it from the history: back exactly as stored
            OutcomeEntrySummary current = outcomes.outcomes(f.groupId()).entries().getFirst();
            outcomes.update(entry.id(), current.version(), new EntryDraft(EntryType.CHALLENGE, "Shelters are fuller", null, null));
            AccountFixtures.signIn(f.organiser());
            OutcomeRevisionSummary hostile = outcomes.history(f.groupId()).stream()
                    .filter(r -> text.strip().equals(r.textAfter())).findFirst().orElseThrow();
            assertThat(outcomes.restore(hostile.id()).text()).isEqualTo(text.strip());
            assertThat(jdbc.queryForObject("select text from outcome_entry where id = ?", String.class, entry.id()))
                    .isEqualTo(text.strip());
        }
    }

    /**
     * Someone saved meanwhile: the hostile text comes back whole in the conflict (the dialog shows it), nothing is
     * written; keeping it on top of their version is then accepted or refused like any edit.
     */
    @ParameterizedTest
    @MethodSource("hostile")
    void keeping_my_text_after_a_conflict(String text) {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary entry = outcomes.add(f.groupId(), new EntryDraft(EntryType.KEY_POINT, "Original point", null, null));
        outcomes.update(entry.id(), entry.version(), new EntryDraft(EntryType.KEY_POINT, "Their point", null, null));

        var counts = input.counts(OUTCOME_TABLES);
        OutcomeConflictException conflict = assertThrows(OutcomeConflictException.class,
                () -> outcomes.update(entry.id(), entry.version(), new EntryDraft(EntryType.KEY_POINT, text, null, null)));
        assertThat(conflict.mine().getText()).isEqualTo(text);
        assertThat(conflict.theirs().text()).isEqualTo("Their point");
        assertThat(input.counts(OUTCOME_TABLES)).isEqualTo(counts);

        boolean accepted = input.acceptedOrClearlyRefused(onlyFormRefusals(() -> outcomes.update(entry.id(),
                conflict.theirs().version(), conflict.mine())), OUTCOME_TABLES);
        assertThat(outcomes.outcomes(f.groupId()).entries().getFirst().text()).isEqualTo(accepted ? text.strip() : "Their point");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void unlock_reason(String text) {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        outcomes.add(f.groupId(), new EntryDraft(EntryType.KEY_POINT, "A point to review", null, null));
        outcomes.submit(f.groupId());
        AccountFixtures.signIn(f.organiser());
        boolean accepted = input.acceptedOrClearlyRefused(onlyFormRefusals(() -> outcomes.unlock(f.groupId(), text)), "audit_event", "workshop_group");
        String state = jdbc.queryForObject("select workflow_state from workshop_group where id = ?", String.class, f.groupId());
        assertThat(state).isEqualTo(accepted ? "DRAFT" : "SUBMITTED");
        assertThat(accepted).isEqualTo(text.strip().length() >= OutcomeService.REASON_MIN && text.strip().length() <= OutcomeService.REASON_MAX);
        if (accepted) {
            assertThat(jdbc.queryForObject("select details from audit_event where subject = ? and action = 'OUTCOMES_UNLOCKED'",
                    String.class, "workshop-group:" + f.groupId())).isEqualTo("SUBMITTED -> DRAFT: " + text.strip());
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void composing_a_joint_action(String text) {
        support.group(); // signs the organiser in
        long lead = organisations.approved().getFirst().id();
        Map<String, BiConsumer<JointActionForm, String>> fields = Map.of(
                "title", JointActionForm::setTitle,
                "description", JointActionForm::setDescription);
        fields.forEach((column, setter) -> {
            JointActionForm form = new JointActionForm();
            form.setTitle("Joint letter " + UUID.randomUUID().toString().substring(0, 8));
            form.setLeadOrganisationId(lead);
            setter.accept(form, text);
            var saved = new AtomicReference<JointActionSummary>();
            boolean accepted = input.acceptedOrClearlyRefused(
                    onlyFormRefusals(() -> saved.getAndSet(reports.saveJointAction(null, support.edition2013(), form))),
                    "joint_action", "joint_action_supporter", "joint_action_source", "audit_event");
            if (accepted) {
                assertThat(jdbc.queryForObject("select " + column + " from joint_action where id = ?", String.class,
                        saved.get().id())).as(column).isEqualTo(stored(text));
            }
            assertThat(accepted).as(column).isEqualTo(text.length() <= 200 && !(column.equals("title") && text.isBlank()));
        });
    }

    /**
     * Accepted hostile text reaches the report workbook as text: the file opens, group titles become safe sheet
     * names, entries are string cells equal to what was stored (XML-illegal control characters replaced).
     */
    @Test
    void the_report_workbook_keeps_accepted_hostile_text_as_text() throws Exception {
        EditionSummary edition = editionFixtures.open(10);
        fixtures.signIn(Role.ORGANISER);
        List<String> texts = HostileInput.texts().filter(t -> t.strip().length() >= OutcomeEntry.TEXT_MIN
                && t.length() <= WorkshopGroup.TITLE_MAX).toList();
        assertThat(texts).hasSize(3);
        for (String text : texts) {
            GroupForm form = validGroup();
            form.setTitle(text);
            long groupId = workshops.createGroup(edition.id(), form).id();
            outcomes.add(groupId, new EntryDraft(EntryType.KEY_POINT, text, null, null));
            outcomes.submit(groupId);
            outcomes.approve(groupId);
        }
        ExportStatus status = reports.exportReport(edition.id(), Locale.ENGLISH);
        for (int i = 0; i < 600 && !status.state().isFinal(); i++) {
            Thread.sleep(50);
            status = exports.status(status.jobId());
        }
        assertThat(status.state()).isEqualTo(ExportState.DONE);

        try (var in = Files.newInputStream(exports.download(status.jobId()).path()); var wb = new XSSFWorkbook(in)) {
            List<String> cells = new ArrayList<>();
            for (int s = 1; s < wb.getNumberOfSheets() - 1; s++) {
                Row row = wb.getSheetAt(s).getRow(1);
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                // POI's streamed sheets write '?', the export's own cleaning U+FFFD: either is fine
                cells.add(row.getCell(2).getStringCellValue().replace('\uFFFD', '?'));
            }
            assertThat(cells).containsExactlyInAnyOrderElementsOf(texts.stream().map(t -> xmlSafe(t.strip())).toList());
        }
    }

    /** What a workbook can hold of a text: XML-illegal control characters become a replacement mark. */
    private static String xmlSafe(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }
}
