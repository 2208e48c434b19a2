package bench.stackfloor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stack floor (an experiment, not the benchmark's floor): the floor plus what the brief's stack adds before any
 * feature — Spring Security with Vaadin's configurer and method security, Flyway owning the schema (one migration,
 * Hibernate validating), mail and Bean Validation on the class path.
 */
@SpringBootApplication
@EnableWebSecurity
@EnableMethodSecurity
@Push
@StyleSheet(Lumo.STYLESHEET)
public class StackFloorApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(StackFloorApplication.class, args);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .anyRequest(any -> any.permitAll())).build();
    }

    @Entity
    @jakarta.persistence.Table(name = "note")
    public static class Note {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String text;
    }

    public interface NoteRepository extends JpaRepository<Note, Long> {
    }

    @Route("")
    @AnonymousAllowed
    public static class HomeView extends Div {
        public HomeView(NoteRepository notes) {
            add(new H1("Floor"), new Paragraph(notes.count() + " notes."));
        }
    }

    @Route("login")
    @AnonymousAllowed
    public static class LoginView extends Div {
        public LoginView() {
            add(new H1("Sign in"));
        }
    }
}
