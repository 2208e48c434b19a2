package org.ngoplatform.edition.ui;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.internal.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.junit.jupiter.api.Test;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.edition.PublicEditions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The organiser's landing page on a fresh start: no edition is upcoming, so it says where to begin. */
class HomeViewFirstStepsTest extends BrowserlessTest {

    /**
     * The view is made by hand with mocked services, so it is not registered as a route: the mocked UI first navigates
     * to "", and Vaadin, unable to make this view without its services, logged that failure with a stack trace in
     * every run. The package's other views stay registered (the view links to them).
     */
    @Override
    protected synchronized Routes discoverRoutes() {
        Routes routes = super.discoverRoutes();
        routes.getRoutes().remove(HomeView.class);
        return routes;
    }

    private final EditionService editions = mock(EditionService.class);
    private final AuthenticationContext auth = mock(AuthenticationContext.class);

    @Test
    void an_organiser_with_no_upcoming_edition_is_shown_the_first_steps() {
        when(editions.publicEditions()).thenReturn(new PublicEditions(List.of(), List.of()));
        when(auth.hasRole("ORGANISER")).thenReturn(true);

        HomeView home = new HomeView(editions, auth);

        Component steps = find(home, "first-steps").orElseThrow();
        assertThat(((Anchor) find(steps, "first-steps-editions").orElseThrow()).getHref()).isEqualTo("admin/editions");
        assertThat(((Anchor) find(steps, "first-steps-accounts").orElseThrow()).getHref()).isEqualTo("admin/accounts");
    }

    @Test
    void others_are_only_told_that_no_edition_is_announced() {
        when(editions.publicEditions()).thenReturn(new PublicEditions(List.of(), List.of()));
        when(auth.hasRole("ORGANISER")).thenReturn(false);

        assertThat(find(new HomeView(editions, auth), "first-steps")).isEmpty();
    }

    @Test
    void with_an_upcoming_edition_the_organiser_sees_it_instead_of_the_first_steps() {
        when(editions.publicEditions()).thenReturn(new PublicEditions(List.of(new EditionSummary(1, "Tallinn", "EE", 2027, "Hall",
                LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 5), "Europe/Tallinn", "", 100, null, null,
                EditionStatus.OPEN, false, 0)), List.of()));
        when(auth.hasRole("ORGANISER")).thenReturn(true);

        HomeView home = new HomeView(editions, auth);

        assertThat(find(home, "first-steps")).isEmpty();
        assertThat(find(home, "upcoming-editions")).isPresent();
    }

    private static Optional<Component> find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(HomeViewFirstStepsTest::descendants));
    }
}
