package bench.jpafloor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Floor of the start-up benchmark: the app shell of the real app (Push, Lumo), JPA on an H2 file database, one
 * entity and one public route that reads it.
 */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
public class JpaFloorApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(JpaFloorApplication.class, args);
    }

    @Entity
    public static class Note {
        @Id
        @GeneratedValue
        Long id;
        String text;
    }

    public interface NoteRepository extends JpaRepository<Note, Long> {
    }

    @Route("")
    public static class HomeView extends Div {
        public HomeView(NoteRepository notes) {
            add(new H1("Floor"), new Paragraph(notes.count() + " notes."));
        }
    }
}
