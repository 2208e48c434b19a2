package org.ngoplatform.workshop;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class WorkshopReportServiceTest {

    @Autowired AccountFixtures fixtures;
    @Autowired WorkshopService workshops;
    @Autowired EditionService editions;
    @Autowired OutcomeService outcomes;
    @Autowired WorkshopReportService reports;
    @Autowired OrganisationService organisations;
    @Autowired AuditLog audit;
    @Autowired ExportService exports;
    WorkshopTestSupport support;

    @BeforeEach
    void setUp() {
        support = new WorkshopTestSupport(fixtures, workshops, editions);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_2013_joint_actions_are_seeded_with_their_sources() {
        fixtures.signIn(Role.PARTICIPANT);
        List<JointActionSummary> actions = reports.jointActions(support.edition2013());
        assertThat(actions).extracting(JointActionSummary::date)
                .contains(LocalDate.of(2013, 12, 10), LocalDate.of(2013, 12, 17));
        JointActionSummary campaign = actions.stream().filter(a -> LocalDate.of(2013, 12, 10).equals(a.date())).findFirst().orElseThrow();
        assertThat(campaign.leadOrganisationName()).isEqualTo("La Strada International");
        assertThat(campaign.status()).isEqualTo(JointActionStatus.DONE);
        assertThat(campaign.sources()).singleElement().extracting(OutcomeEntrySummary::type).isEqualTo(EntryType.ACTION_POINT);
        assertThat(reports.report(support.edition2013()).groups()).extracting(g -> g.group().title()).contains("Joint Actions", "Demand");
    }

    @Test
    void organiser_composes_a_joint_action_and_the_exported_workbook_reads_back() throws Exception {
        var f = support.group();
        // The 2013 edition is shared by every run on this database: a title of its own finds this run's row.
        String actionTitle = "Joint letter to rapporteurs " + java.util.UUID.randomUUID().toString().substring(0, 8);
        OrganisationRef owner = organisations.approved().getFirst();
        OrganisationRef supporter = organisations.approved().get(1);
        AccountFixtures.signIn(f.facilitator());
        outcomes.add(f.groupId(), new EntryDraft(EntryType.KEY_POINT, "=HYPERLINK(\"http://x\",\"click\")", null, null));
        OutcomeEntrySummary ap = outcomes.add(f.groupId(), new EntryDraft(EntryType.ACTION_POINT, "Write to the national rapporteur", owner.id(), LocalDate.of(2027, 2, 1)));
        outcomes.submit(f.groupId());

        AccountFixtures.signIn(f.organiser());
        JointActionForm form = new JointActionForm();
        form.setTitle(actionTitle);
        form.setLeadOrganisationId(owner.id());
        form.setSupporterIds(Set.of(supporter.id()));
        form.setSourceEntryIds(Set.of(ap.id()));
        // not approved yet: cannot be a source
        assertThatThrownBy(() -> reports.saveJointAction(null, support.edition2013(), form))
                .isInstanceOf(JointActionRejectedException.class);
        outcomes.approve(f.groupId());
        JointActionSummary saved = reports.saveJointAction(null, support.edition2013(), form);
        assertThat(saved.sources()).extracting(OutcomeEntrySummary::id).containsExactly(ap.id());
        assertThat(saved.supporterNames()).containsExactly(supporter.name());

        ExportStatus status = reports.exportReport(support.edition2013(), Locale.ENGLISH);
        for (int i = 0; i < 600 && !status.state().isFinal(); i++) {
            Thread.sleep(50);
            status = exports.status(status.jobId());
        }
        assertThat(status.state()).isEqualTo(ExportState.DONE);

        try (var in = Files.newInputStream(exports.download(status.jobId()).path()); var wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            String title = workshops.group(f.groupId()).title();
            assertThat(names.getFirst()).isEqualTo("Overview");
            assertThat(names.getLast()).isEqualTo("Joint actions");
            assertThat(names).contains(title, "Joint Actions 2", "Demand");

            Sheet group = wb.getSheet(title);
            assertThat(group.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Text");
            Row first = group.getRow(1);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"click\")");
            assertThat(group.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Action point");
            assertThat(group.getRow(2).getCell(3).getStringCellValue()).isEqualTo(owner.name());
            assertThat(group.getRow(2).getCell(4).getStringCellValue()).isEqualTo("2027-02-01");

            Sheet actions = wb.getSheet("Joint actions");
            boolean found = false;
            for (Row row : actions) {
                if (row.getCell(0).getStringCellValue().equals(actionTitle)) {
                    found = true;
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo(owner.name());
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo(supporter.name());
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Planned");
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("Write to the national rapporteur");
                }
            }
            assertThat(found).isTrue();

            Sheet overview = wb.getSheet("Overview");
            assertThat(overview.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Tallinn 2013");
            boolean listed = false;
            for (Row row : overview) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(title)) {
                    listed = true;
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Approved");
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2.0);
                }
            }
            assertThat(listed).isTrue();
        }
        assertThat(audit.forSubject("edition:" + support.edition2013())).extracting(e -> e.getAction()).contains("REPORT_EXPORTED");
    }

    @Test
    void only_organisers_export_and_compose() {
        fixtures.signIn(Role.ANALYST);
        assertThatThrownBy(() -> reports.exportReport(support.edition2013(), Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(Role.FACILITATOR);
        assertThatThrownBy(() -> reports.saveJointAction(null, support.edition2013(), new JointActionForm()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
