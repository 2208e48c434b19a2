package org.ngoplatform.dashboard.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import org.ngoplatform.registration.RegistrationDay;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Registrations received over time, drawn on the server as inline SVG: a bar per day and the running total as a
 * line. Built in Java, not JFreeChart: a few dozen shapes need no library, inline SVG takes the theme's colours
 * (light and dark) from Lumo's custom properties, scales with the card, and holds no user text. The SVG is
 * {@code role="img"} with a summary as its label; the figures themselves are in a table under it.
 */
class RegistrationChart extends Composite<Div> {

    static final int WIDTH = 600;
    static final int HEIGHT = 200;
    private static final int PAD = 28;

    RegistrationChart(List<RegistrationDay> days, ZoneId zone, Locale locale, Translations t) {
        Div root = getContent();
        root.addClassName("dashboard-chart");
        if (days.isEmpty()) {
            var none = new Paragraph(t.get("dashboard.chart.none"));
            none.addClassName("muted");
            root.add(none);
            return;
        }
        long total = days.stream().mapToLong(RegistrationDay::count).sum();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String summary = t.get("dashboard.chart.summary", total, format.format(days.getFirst().day()),
                format.format(days.getLast().day()), zone.getId());
        Svg svg = new Svg(svg(days, summary));
        svg.addClassName("dashboard-chart-svg");
        var caption = new Paragraph(summary);
        caption.addClassNames("muted", "dashboard-chart-caption");
        caption.getElement().setAttribute("aria-hidden", "true"); // the same words are the chart's label
        root.add(svg, caption, table(days, format, zone, t));
    }

    /** The chart's markup: only numbers and the (escaped) summary, never user text. */
    static String svg(List<RegistrationDay> days, String label) {
        LocalDate first = days.getFirst().day();
        LocalDate last = days.getLast().day();
        long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
        long maxDay = days.stream().mapToLong(RegistrationDay::count).max().orElse(1);
        long total = days.stream().mapToLong(RegistrationDay::count).sum();
        double plotW = WIDTH - 2.0 * PAD;
        double plotH = HEIGHT - 2.0 * PAD;
        double step = plotW / span;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\" preserveAspectRatio=\"none\">");
        s.append("<line class=\"axis\" x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"")
                .append(WIDTH - PAD).append("\" y2=\"").append(HEIGHT - PAD).append("\"/>");
        long running = 0;
        StringBuilder line = new StringBuilder();
        for (RegistrationDay d : days) {
            long index = java.time.temporal.ChronoUnit.DAYS.between(first, d.day());
            double x = PAD + index * step;
            double h = plotH * 0.5 * d.count() / maxDay;
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    x + step * 0.15, HEIGHT - PAD - h, Math.max(1, step * 0.7), h));
            running += d.count();
            double y = HEIGHT - PAD - plotH * running / total;
            line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x + step / 2, y));
        }
        s.append("<polyline class=\"total\" fill=\"none\" points=\"").append(line).append("\"/>");
        s.append("</svg>");
        return s.toString();
    }

    private static Div table(List<RegistrationDay> days, DateTimeFormatter format, ZoneId zone, Translations t) {
        var table = new NativeTable();
        table.addClassName("dashboard-table");
        var head = new NativeTableHeader(new NativeTableRow(
                new NativeTableHeaderCell(t.get("dashboard.chart.day", zone.getId())),
                new NativeTableHeaderCell(t.get("dashboard.chart.received")),
                new NativeTableHeaderCell(t.get("dashboard.chart.total"))));
        var body = new NativeTableBody();
        long running = 0;
        for (RegistrationDay d : days) {
            running += d.count();
            body.add(new NativeTableRow(new NativeTableCell(format.format(d.day())),
                    new NativeTableCell(String.valueOf(d.count())), new NativeTableCell(String.valueOf(running))));
        }
        table.add(head, body);
        var details = new NativeDetails(t.get("dashboard.chart.as-table"), table);
        details.setId("dashboard-chart-table");
        return new Div(details);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
