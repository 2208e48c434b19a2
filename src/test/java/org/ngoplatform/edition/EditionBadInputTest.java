package org.ngoplatform.edition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.HostileInput;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in every text field of the organisers' edition form (city, venue, description, and the
 * codes chosen from lists: country and time zone), on create and on update. Each is either refused with the
 * form's own message ({@link EditionRejectedException}) with nothing written, or stored as typed, stripped
 * (blank venue and description mean "not given").
 */
@IntegrationTest
class EditionBadInputTest {

    static Stream<String> hostile() {
        return HostileInput.texts();
    }

    /** The text fields of the form and the column each is stored in. */
    private static final Map<String, BiConsumer<EditionForm, String>> FIELDS = Map.of(
            "city", EditionForm::setCity,
            "venue", EditionForm::setVenue,
            "description", EditionForm::setDescription,
            "country_code", EditionForm::setCountryCode,
            "time_zone", EditionForm::setTimeZone);

    @Autowired EditionService editions;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** Any refusal other than the form's own would reach the view unexplained: fail the test on it. */
    private static <T> Supplier<T> onlyFormRefusals(Supplier<T> action) {
        return HostileInput.onlyRefusalsOf(EditionRejectedException.class, action);
    }

    private static EditionForm valid() {
        return EditionFixtures.form(40, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
    }

    /** What the column holds after the text was accepted in that field. */
    private static String stored(String column, String text) {
        String s = text.strip();
        return (column.equals("venue") || column.equals("description")) && s.isEmpty() ? null : s;
    }

    private String column(long editionId, String column) {
        return jdbc.queryForObject("select " + column + " from edition where id = ?", String.class, editionId);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void creating_an_edition(String text) {
        fixtures.signIn(Role.ORGANISER);
        var input = new HostileInput(jdbc).alsoClear(EditionRejectedException.class);
        FIELDS.forEach((column, setter) -> {
            EditionForm form = valid();
            setter.accept(form, text);
            var created = new AtomicReference<EditionSummary>();
            boolean accepted = input.acceptedOrClearlyRefused(onlyFormRefusals(() -> created.getAndSet(editions.create(form))),
                    "edition", "audit_event");
            if (accepted) {
                assertThat(column(created.get().id(), column)).as(column).isEqualTo(stored(column, text));
            }
            if (column.equals("city") || column.equals("description")) {
                // a long text in a field that takes text is refused; so is an empty required city
                assertThat(accepted).as(column).isEqualTo(text.length() < 100 && !(column.equals("city") && text.isBlank()));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void changing_an_edition(String text) {
        fixtures.signIn(Role.ORGANISER);
        EditionSummary edition = editions.create(valid());
        var input = new HostileInput(jdbc).alsoClear(EditionRejectedException.class);
        FIELDS.forEach((column, setter) -> {
            EditionSummary before = editions.require(edition.id());
            EditionForm form = EditionForm.of(before);
            setter.accept(form, text);
            boolean accepted = input.acceptedOrClearlyRefused(onlyFormRefusals(() -> editions.update(edition.id(), form)),
                    "edition", "audit_event");
            EditionSummary after = editions.require(edition.id());
            if (accepted) {
                assertThat(column(edition.id(), column)).as(column).isEqualTo(stored(column, text));
            } else {
                // nothing of the refused change was written
                assertThat(after).isEqualTo(before);
            }
        });
    }
}
