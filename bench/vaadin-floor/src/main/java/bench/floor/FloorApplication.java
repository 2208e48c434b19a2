package bench.floor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Floor of the anonymous-visit benchmark: the app shell of the real app (Push, Lumo), one trivial public route. */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
public class FloorApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @Route("")
    public static class HomeView extends Div {
        public HomeView() {
            add(new H1("Floor"), new Paragraph("A trivial anonymous route."));
        }
    }
}
