package org.ngoplatform.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.privacy.MyDataService;

import java.time.Clock;
import java.time.LocalDate;

/** "My data": the signed-in person downloads everything held about them, or deletes (anonymises) the account. */
@Route("my/data")
@PermitAll
@Menu(order = 12, title = "menu.my-data", icon = "vaadin:user-card")
class MyDataView extends Div implements HasDynamicTitle {

    private final MyDataService myData;
    private final transient AuthenticationContext authContext;
    final Anchor download;
    final Button delete;
    /** The open confirmation, for tests. */
    ConfirmDialog confirm;

    MyDataView(MyDataService myData, AuthenticationContext authContext, Clock clock) {
        this.myData = myData;
        this.authContext = authContext;
        addClassNames("page", "narrow-page");
        setId("my-data");
        add(new ViewHeader(getTranslation("mydata.title")));

        add(new H2(getTranslation("mydata.download.title")), new Paragraph(getTranslation("mydata.download.text")));
        String fileName = "my-data-" + LocalDate.now(clock) + ".json";
        DownloadHandler handler = event -> {
            byte[] bytes = myData.exportMine();
            event.setFileName(fileName);
            event.setContentType("application/json; charset=utf-8");
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
        download = new Anchor(handler, getTranslation("mydata.download.action"));
        download.setTarget(AnchorTarget.BLANK);
        download.setId("my-data-download");
        download.addClassName("button-link");
        add(new Div(download));

        add(new H2(getTranslation("mydata.delete.title")), new Paragraph(getTranslation("mydata.delete.text")));
        delete = new Button(getTranslation("mydata.delete.action"), e -> askDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("my-data-delete");
        add(delete);
    }

    private void askDelete() {
        confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("mydata.delete.confirm.title"));
        confirm.setText(getTranslation("mydata.delete.confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("mydata.delete.confirm.cancel"));
        confirm.setConfirmText(getTranslation("mydata.delete.confirm.ok"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> erase());
        confirm.open();
    }

    /** Erases, then ends the session: the account can no longer sign in. */
    void erase() {
        myData.eraseMine();
        authContext.logout();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mydata.title");
    }
}
