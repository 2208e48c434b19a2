package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.export.ExportBusyException;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.ui.ExportProgressDialog;
import org.ngoplatform.survey.results.StatisticsFormat;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The results view's downloads for statistics software (SPSS, R, long CSV), beside the workbook's button: each
 * starts through the survey's export service, with the view's filter, identity choice and language, and follows the
 * job in the same progress dialog as the workbook.
 * <p>A button that opens a menu on click, not a {@code MenuBar}: a menu bar moves its one item into an overflow "⋯"
 * button whenever its row is narrow (a phone at 360 px), and its item's icon is sized unlike the workbook button's;
 * a button wraps with its row like the workbook's and looks the same.
 */
class StatisticsDownloadMenu extends Button {

    private final Map<StatisticsFormat, MenuItem> items = new EnumMap<>(StatisticsFormat.class);
    private final ContextMenu menu;
    private ExportProgressDialog dialog;

    StatisticsDownloadMenu(ExportService exports, Function<StatisticsFormat, ExportStatus> starter) {
        super(new Icon(VaadinIcon.DOWNLOAD_ALT));
        setText(getTranslation("surveyexport.statistics"));
        setId("results-statistics");
        setSuffixComponent(new Icon(VaadinIcon.CHEVRON_DOWN_SMALL)); // says that a menu opens
        getElement().setAttribute("aria-haspopup", "menu");
        getElement().setAttribute("aria-expanded", "false");
        menu = new ContextMenu(this);
        menu.setOpenOnClick(true);
        menu.setId("results-statistics-menu");
        menu.addOpenedChangeListener(e -> getElement().setAttribute("aria-expanded", Boolean.toString(e.isOpened())));
        for (StatisticsFormat format : StatisticsFormat.values()) {
            String key = "surveyexport.statistics." + switch (format) {
                case SPSS -> "spss";
                case R -> "r";
                case LONG_CSV -> "long";
            };
            MenuItem item = menu.addItem(getTranslation(key), e -> start(exports, starter, format));
            item.setId("results-statistics-" + format.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            items.put(format, item);
        }
    }

    private void start(ExportService exports, Function<StatisticsFormat, ExportStatus> starter, StatisticsFormat format) {
        ExportStatus status;
        try {
            status = starter.apply(format);
        } catch (ExportBusyException busy) {
            Notification.show(getTranslation("export.busy"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        dialog = new ExportProgressDialog(exports, status);
        dialog.open();
    }

    /** The menu the button opens (for tests). */
    ContextMenu menu() {
        return menu;
    }

    /** The menu item of one format (for tests). */
    MenuItem item(StatisticsFormat format) {
        return items.get(format);
    }

    /** The dialog of the last download started here (for tests). */
    ExportProgressDialog dialog() {
        return dialog;
    }
}
