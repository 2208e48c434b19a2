package org.ngoplatform.privacy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import java.util.ArrayList;
import java.util.List;

/** Renders a stored notice literally: "## " lines become headings, blank lines separate paragraphs. No HTML. */
final class NoticeText {

    private NoticeText() {
    }

    static List<Component> render(String body) {
        List<Component> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("## ")) {
                flush(out, paragraph);
                out.add(new H2(line.substring(3).strip()));
            } else if (line.isBlank()) {
                flush(out, paragraph);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line);
            }
        }
        flush(out, paragraph);
        return out;
    }

    private static void flush(List<Component> out, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            var p = new Paragraph(paragraph.toString());
            p.addClassName("notice-paragraph");
            out.add(p);
            paragraph.setLength(0);
        }
    }
}
