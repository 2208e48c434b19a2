package org.ngoplatform.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditSubjectNamesTest {

    /** A subject kind written in the sources: {@code "survey:" + id}. Sign-in throttling's "address:" is no subject. */
    private static final Pattern KIND = Pattern.compile("\"([a-z][a-z-]*):\" \\+");
    /**
     * Keys built the same way that are no audit subjects: a throttle's client address, a membership's slot key, and
     * the shared throttle store's keys (a known-good sign-in pair, a rate limit, an address's pairs).
     */
    private static final Set<String> NOT_SUBJECTS = Set.of("address", "session", "good", "limit", "pairs-of");

    @Autowired AuditSubjectNames names;
    @Autowired AccountFixtures fixtures;
    @Autowired MessagesI18NProvider translations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    static Set<String> recordedKinds() throws IOException {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var kind = KIND.matcher(Files.readString(file));
                while (kind.find()) {
                    kinds.add(kind.group(1));
                }
            }
        }
        kinds.removeAll(NOT_SUBJECTS);
        return kinds;
    }

    @Test
    void every_kind_of_subject_the_app_records_is_named_by_its_module_and_a_deleted_one_by_kind_and_id_in_every_language() throws IOException {
        Set<String> kinds = recordedKinds();
        assertThat(kinds).contains("account", "edition", "survey", "workshop-group", "joint-action", "registration",
                "organisation", "privacy-notice");
        fixtures.signIn(Role.ORGANISER);
        Set<String> byLabel = Set.of("privacy-notice"); // named by its version label, not a number
        for (String kind : kinds) {
            if (!byLabel.contains(kind)) {
                assertThat(names.kinds()).as("a module names %s subjects", kind).contains(kind);
            }
            for (Locale locale : MessagesI18NProvider.LOCALES) {
                String kindName = translations.getTranslation("audit.kind." + kind, locale);
                assertThat(kindName).as("name of %s in %s", kind, locale).doesNotStartWith("!");
                if (!byLabel.contains(kind)) {
                    AuditSubjectRef gone = names.resolve(List.of(kind + ":999999999"), locale).get(kind + ":999999999");
                    assertThat(gone.exists()).isFalse();
                    assertThat(gone.link()).isNull();
                    assertThat(gone.name()).startsWith(kindName).contains("999999999");
                }
            }
        }
        assertThat(names.resolve(List.of("survey:999999999"), Locale.ENGLISH).get("survey:999999999").name())
                .isEqualTo("Survey #999999999 (deleted)");
        assertThat(names.resolve(List.of("survey:999999999"), Locale.GERMAN).get("survey:999999999").name())
                .isEqualTo("Umfrage #999999999 (gelöscht)");
        assertThat(names.resolve(List.of("survey:999999999"), Locale.of("ru")).get("survey:999999999").name())
                .isEqualTo("Опрос №999999999 (удалено)");
        assertThat(names.resolve(List.of("privacy-notice:2026-11"), Locale.GERMAN).get("privacy-notice:2026-11").name())
                .isEqualTo("Datenschutzerklärung 2026-11");
        assertThat(names.resolve(List.of("audit-log"), Locale.ENGLISH).get("audit-log")).isEqualTo(AuditSubjectRef.of("Audit log", "admin/audit"));
        assertThat(names.resolve(List.of("nobody-names-this:1", "plain"), Locale.ENGLISH)).as("shown as recorded").isEmpty();
    }

    @Test
    void a_page_of_subjects_is_named_with_one_call_per_kind_not_one_per_row() {
        var calls = new ArrayList<Collection<Long>>();
        AuditSubjects surveys = new AuditSubjects() {
            @Override
            public String kind() {
                return "survey";
            }

            @Override
            public Map<Long, AuditSubjectRef> names(Collection<Long> ids) {
                calls.add(List.copyOf(ids));
                return ids.stream().filter(id -> id % 2 == 0)
                        .collect(Collectors.toMap(id -> id, id -> AuditSubjectRef.of("S" + id, "surveys/" + id + "/edit")));
            }
        };
        var resolver = new AuditSubjectNames(List.of(surveys), translations);
        List<String> page = new ArrayList<>();
        LongStream.rangeClosed(1, 50).forEach(id -> page.add("survey:" + id));
        page.add("survey:2"); // the same subject on two rows

        Map<String, AuditSubjectRef> named = resolver.resolve(page, Locale.ENGLISH);

        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst()).hasSize(50);
        assertThat(named.get("survey:2")).isEqualTo(AuditSubjectRef.of("S2", "surveys/2/edit"));
        assertThat(named.get("survey:3").name()).isEqualTo("Survey #3 (deleted)");
    }

    @Test
    void only_organisers_may_have_subjects_named() {
        fixtures.signIn(Role.ANALYST);
        assertThatThrownBy(() -> names.resolve(List.of("survey:1"), Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }
}
