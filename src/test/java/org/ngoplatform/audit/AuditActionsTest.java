package org.ngoplatform.audit;

import org.junit.jupiter.api.Test;
import org.ngoplatform.base.i18n.MessagesI18NProvider;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An audit event's details name statuses and roles in the reader's language; everything else stays as recorded. */
class AuditActionsTest {

    private final AuditActions actions = new AuditActions(new MessagesI18NProvider());

    @Test
    void an_edition_status_change_reads_in_the_readers_language() {
        assertThat(actions.details("EDITION_STATUS", "DRAFT -> OPEN", Locale.ENGLISH)).isEqualTo("Draft → Registration open");
        assertThat(actions.details("EDITION_STATUS", "DRAFT -> OPEN", Locale.GERMAN)).isEqualTo("Entwurf → Anmeldung offen");
        assertThat(actions.details("SURVEY_STATUS", "CLOSED", Locale.ENGLISH)).isEqualTo("Closed");
    }

    @Test
    void role_changes_and_a_new_accounts_roles_are_named_without_brackets() {
        assertThat(actions.details("ROLES_CHANGED", "[ANALYST,ORGANISER] -> [ORGANISER]", Locale.ENGLISH))
                .isEqualTo("Analyst, Organiser → Organiser");
        assertThat(actions.details("ACCOUNT_CREATED", "roles=[PARTICIPANT, FACILITATOR]", Locale.forLanguageTag("ru")))
                .isEqualTo("Роли: Участник, Модератор");
    }

    @Test
    void other_details_and_codes_without_a_name_stay_as_recorded() {
        assertThat(actions.details("EDITION_CAPACITY", "capacity 20 -> 30", Locale.GERMAN)).isEqualTo("capacity 20 -> 30");
        assertThat(actions.details("EDITION_STATUS", "DRAFT -> SOMETHING_NEW", Locale.ENGLISH)).isEqualTo("Draft → SOMETHING_NEW");
        assertThat(actions.details("ACCOUNT_CREATED", "imported", Locale.ENGLISH)).isEqualTo("imported");
        assertThat(actions.details("SURVEY_STATUS", null, Locale.ENGLISH)).isEmpty();
        assertThat(actions.details(null, "as recorded", Locale.ENGLISH)).isEqualTo("as recorded");
    }
}
