package org.ngoplatform.security;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.validation.constraints.Size;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.RouteAccessTest;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.ngoplatform.registration.Registration;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 ("trust"): every text a person can type has a server-side maximum length that the database can hold, and
 * every text input on every page announces that maximum to the browser.
 * <p>
 * Both checks run once per feature, so a failure names the feature, and inside it every violation at once (entity
 * attribute or view field) rather than stopping at the first. {@link #every_entity_and_route_belongs_to_a_listed_feature}
 * makes sure a new feature cannot slip past the per-feature runs.
 */
@IntegrationTest
class TextLimitsTest extends SpringBrowserlessTest {

    /** The features under {@code org.ngoplatform} that own entities or views. */
    private static final Set<String> FEATURES = Set.of("account", "organisation", "registration", "export", "audit",
            "base", "edition", "workshop", "survey", "privacy", "mail", "programme", "dashboard", "attendance", "messaging", "visaletter");

    /** utf8mb4 stores up to 4 bytes per character; a TEXT column's length is given in bytes. */
    private static final int MAX_BYTES_PER_CHAR = 4;

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired org.ngoplatform.registration.SeatOfferFixtures seatOffers;
    @Autowired org.ngoplatform.survey.SurveyPublicationFixtures publications;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editionFixtures;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;
    @Autowired RegistrationService registrations;
    @Autowired SurveyTestData surveys;
    @Autowired SurveyBuilderService surveyBuilder;
    @Autowired PasswordResetService resets;
    @Autowired MailOutbox outbox;
    @Autowired org.ngoplatform.workshop.ChoosingFixtures choosingFixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    // ---------------------------------------------------------------- (a) entities against the schema

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"account", "organisation", "registration", "export", "audit", "base",
            "edition", "workshop", "survey", "privacy", "mail", "programme", "dashboard", "attendance", "messaging", "visaletter"})
    void every_string_attribute_has_a_size_limit_that_fits_its_column(String feature) {
        List<String> violations = new ArrayList<>();
        for (EntityType<?> entity : entities()) {
            if (!feature.equals(featureOf(entity.getJavaType()))) {
                continue;
            }
            for (Attribute<?, ?> attribute : entity.getAttributes()) {
                if (attribute.getJavaType() != String.class) {
                    continue; // numbers, dates, enums, element collections of ids
                }
                String where = entity.getJavaType().getSimpleName() + "." + attribute.getName();
                Member member = attribute.getJavaMember();
                Size size = member instanceof Field field ? field.getAnnotation(Size.class) : null;
                if (size == null || size.max() == Integer.MAX_VALUE) {
                    violations.add(where + ": no @Size(max = ...)");
                    continue;
                }
                Column column = column(entity.getJavaType(), attribute.getName());
                if (column.maxChars() == null) {
                    violations.add(where + ": column " + column + " is not a text column");
                } else if (size.max() > column.maxChars()) {
                    violations.add(where + ": @Size(max = " + size.max() + ") but column " + column
                            + " holds at most " + column.maxChars() + " characters");
                }
            }
        }
        assertThat(violations).as("String attributes of %s entities without a fitting limit", feature).isEmpty();
    }

    private List<EntityType<?>> entities() {
        return entityManagerFactory.getMetamodel().getEntities().stream()
                .sorted(Comparator.comparing(e -> e.getJavaType().getName()))
                .<EntityType<?>>map(e -> e)
                .toList();
    }

    record Column(String table, String name, String dataType, Long declaredLength) {
        /** How many characters the column stores whatever the text (utf8mb4 for the byte-counted TEXT types). */
        Long maxChars() {
            if (declaredLength == null) return null;
            return switch (dataType.toLowerCase(Locale.ROOT)) {
                case "varchar", "char" -> declaredLength;
                case "tinytext", "text", "mediumtext", "longtext" -> declaredLength / MAX_BYTES_PER_CHAR;
                default -> null;
            };
        }

        @Override
        public String toString() {
            return table + "." + name + " " + dataType + "(" + declaredLength + ")";
        }
    }

    private Column column(Class<?> entity, String attribute) {
        var persister = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(entity);
        AttributeMapping mapping = persister.findAttributeMapping(attribute);
        SelectableMapping selectable = mapping.getSelectable(0);
        String table = selectable.getContainingTableExpression();
        String name = selectable.getSelectionExpression();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS
                WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = LOWER(?) AND LOWER(COLUMN_NAME) = LOWER(?)""",
                table, name);
        assertThat(rows).as("column %s.%s of %s.%s", table, name, entity.getSimpleName(), attribute).hasSize(1);
        Object length = rows.getFirst().get("CHARACTER_MAXIMUM_LENGTH");
        return new Column(table, name, String.valueOf(rows.getFirst().get("DATA_TYPE")),
                length == null ? null : ((Number) length).longValue());
    }

    // ---------------------------------------------------------------- (b) every route's text inputs

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"account", "organisation", "registration", "export", "audit", "base",
            "edition", "workshop", "survey", "privacy", "mail", "programme", "dashboard", "attendance", "messaging", "visaletter"})
    void every_text_input_on_every_route_has_a_max_length(String feature) {
        Parameters parameters = null;
        Set<String> violations = new TreeSet<>();
        int opened = 0;
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            if (!feature.equals(featureOf(route.getNavigationTarget()))) {
                continue;
            }
            if (parameters == null) {
                parameters = sharedParameters();
            }
            for (String who : RouteAccessTest.whoMayOpen(route.getTemplate())) {
                if (who.equals(RouteAccessTest.ANONYMOUS)) {
                    AccountFixtures.signOut();
                } else {
                    accounts.signIn(Role.valueOf(who));
                }
                // a seat offer opens only for its own person: one for whoever is signed in now
                String location = route.getTemplate().contains(":offerId")
                        ? route.getTemplate().replace(":offerId", String.valueOf(seatOffers.openOfferForCurrentUser()))
                        // published survey results: a real publication's link
                        : route.getTemplate().contains(":slug") ? route.getTemplate().replace(":slug", publications.publishedSlug())
                        : parameters.concrete(route.getTemplate());
                navigate("", Component.class); // a fresh visit
                navigate(location, Component.class);
                Component view = (Component) getCurrentView();
                assertThat(route.getNavigationTarget().isInstance(view))
                        .as("%s opens /%s (shown: %s)", who, location, view.getClass().getSimpleName()).isTrue();
                opened++;
                for (Component input : textInputs(UI.getCurrent())) {
                    if (maxLength(input) <= 0) {
                        violations.add(view.getClass().getName() + " (/" + route.getTemplate() + "): "
                                + input.getClass().getSimpleName() + " " + describe(view, input));
                    }
                }
            }
        }
        assertThat(violations).as("text inputs without a max length in %s views (%d visits)", feature, opened)
                .isEmpty();
    }

    @Test
    void every_entity_and_route_belongs_to_a_listed_feature() {
        List<String> unlisted = new ArrayList<>();
        entities().stream().map(EntityType::getJavaType).filter(c -> !FEATURES.contains(featureOf(c)))
                .forEach(c -> unlisted.add(c.getName()));
        RouteConfiguration.forApplicationScope().getAvailableRoutes().stream().map(RouteData::getNavigationTarget)
                .filter(c -> !FEATURES.contains(featureOf(c))).forEach(c -> unlisted.add(c.getName()));
        assertThat(unlisted).as("add the feature to FEATURES and to both parameter lists").isEmpty();
        assertThat(entities()).as("the metamodel is read").isNotEmpty();
    }

    /** The walk is not blind: it finds a form's inputs, and those of an open dialog. */
    @Test
    void the_walk_finds_form_fields_and_the_fields_of_an_open_dialog() {
        navigate("signup", Component.class);
        List<Component> signUp = textInputs(UI.getCurrent());
        assertThat(signUp).filteredOn(EmailField.class::isInstance).hasSize(1);
        assertThat(signUp).filteredOn(TextField.class::isInstance).isNotEmpty();
        assertThat(signUp).filteredOn(PasswordField.class::isInstance).hasSize(2);
        assertThat(signUp).allMatch(c -> maxLength(c) > 0);

        EditionSummary edition = editionFixtures.open(5);
        accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada Poland", "Advisor"));
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = (Grid<Object>) find(UI.getCurrent(), Grid.class);
        Component actions = test(grid).getCellComponent(0, grid.getColumns().size() - 1);
        Button cancel = (Button) actions.getChildren().filter(c -> c.getId().orElse("").startsWith("cancel-"))
                .findFirst().orElseThrow();
        test(cancel).click();
        roundTrip();
        Dialog dialog = (Dialog) find(UI.getCurrent(), Dialog.class);
        assertThat(dialog.isOpened()).isTrue();
        List<Component> inDialog = textInputs(dialog);
        assertThat(inDialog).hasSize(1).allMatch(c -> maxLength(c) == Registration.REASON_MAX);
        assertThat(textInputs(UI.getCurrent())).containsAll(inDialog);
    }

    private static Component find(Component root, Class<?> type) {
        if (type.isInstance(root)) return root;
        return root.getChildren().map(c -> find(c, type)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String featureOf(Class<?> type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static List<Component> textInputs(Component root) {
        List<Component> found = new ArrayList<>();
        collect(root, found, new IdentityHashMap<>());
        return found;
    }

    private static void collect(Component c, List<Component> found, Map<Component, Boolean> seen) {
        if (seen.put(c, Boolean.TRUE) != null) return;
        if (c instanceof TextField || c instanceof TextArea || c instanceof EmailField || c instanceof PasswordField) {
            found.add(c);
        }
        c.getChildren().forEach(child -> collect(child, found, seen));
    }

    private static int maxLength(Component input) {
        return switch (input) {
            case TextField f -> f.getMaxLength();
            case TextArea f -> f.getMaxLength();
            case EmailField f -> f.getMaxLength();
            case PasswordField f -> f.getMaxLength();
            default -> throw new IllegalArgumentException(input.toString());
        };
    }

    /** The view's field name holding the input when there is one, else its label. */
    private static String describe(Component view, Component input) {
        for (Class<?> c = view.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                try {
                    f.setAccessible(true);
                    if (f.get(view) == input) {
                        return "field '" + f.getName() + "'";
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // not readable: fall back to the label
                }
            }
        }
        String label = input instanceof HasLabel l ? l.getLabel() : null;
        return "labelled '" + label + "' in " + input.getParent().map(p -> p.getClass().getSimpleName()).orElse("?");
    }

    // ---------------------------------------------------------------- real ids for routes with parameters

    private record Parameters(long openEdition, long edition2013, long plenary2013, long draftSurvey,
                              String openSurveyKey, long openSurvey, String resetToken, long choosingSession) {

        String concrete(String template) {
            boolean group = template.contains(":groupId") || template.endsWith("/report");
            return template.replace(":editionId", String.valueOf(group ? edition2013 : openEdition))
                    .replace(":groupId", String.valueOf(plenary2013))
                    .replace(":surveyId", String.valueOf(template.endsWith("/edit") ? draftSurvey : openSurvey))
                    .replace(":surveyKey", openSurveyKey)
                    .replace(":token", resetToken)
                    .replace(":sessionId", String.valueOf(choosingSession));
        }
    }

    /**
     * The fixtures the routes' parameters name, made once for all features' runs (each feature's run made its own:
     * an edition, two surveys, a choosing slot and a reset mail per feature, for the same visits).
     */
    private static Parameters shared;

    private Parameters sharedParameters() {
        if (shared == null) {
            shared = parameters();
        }
        return shared;
    }

    private Parameters parameters() {
        EditionSummary open = editionFixtures.open(50);
        long edition2013 = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        long plenary = workshops.groupsOf(edition2013).stream().filter(WorkshopGroupSummary::plenary)
                .findFirst().orElseThrow().id();
        SurveyTestData.Built openSurvey = surveys.openSurvey();
        AccountFixtures.signIn(openSurvey.analyst());
        long draft = surveyBuilder.create(SurveyTestData.settings("Draft for text limits"));
        AccountFixtures.signOut();
        long choosingSession = choosingFixtures.openSlot(5).sessionId();
        return new Parameters(open.id(), edition2013, plenary, draft, openSurvey.key(), openSurvey.id(), resetToken(),
                choosingSession);
    }

    /** A real, unused password-reset link's secret, as the mail carries it. */
    private String resetToken() {
        AccountPrincipal person = accounts.create(Role.PARTICIPANT);
        AccountFixtures.signOut();
        resets.requestReset(person.getUsername(), "198.51.100." + (1 + (int) (Math.random() * 250)));
        // read from the delivered mail: the outbox erases a reset mail's body once it is sent
        OutboxTestSupport.deliverDueTo(outbox, jdbc, person.getUsername());
        int queued = jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class,
                person.getUsername());
        String body = TestMail.bodiesTo(person.getUsername(), queued).getLast();
        Matcher m = Pattern.compile("/reset-password/([A-Za-z0-9_-]{20,})").matcher(body);
        assertThat(m.find()).as("reset link in %s", body).isTrue();
        return m.group(1);
    }
}
