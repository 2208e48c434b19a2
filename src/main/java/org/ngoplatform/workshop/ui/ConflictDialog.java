package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.OutcomeEntry;

import java.util.function.Consumer;

/**
 * Someone saved the entry while this person was editing it: both texts side by side. The person keeps theirs,
 * takes the other, or merges. Nothing is written until they choose, and their text stays in the editor.
 */
class ConflictDialog extends Dialog {

    final TextArea mine = new TextArea();
    final TextArea theirs = new TextArea();
    final TextArea merged = new TextArea();
    final Button keepMine;
    final Button takeTheirs;
    final Button saveMerged;

    /**
     * @param onResolve receives the text to save on top of their version; null means "take theirs" (drop my edit)
     */
    ConflictDialog(EntryDraft myDraft, OutcomeEntrySummary theirEntry, Consumer<String> onResolve) {
        setId("conflict-dialog");
        setHeaderTitle(getTranslation(theirEntry == null ? "conflict.deleted.title" : "conflict.title"));
        setWidth("min(960px, 100vw)");
        setCloseOnOutsideClick(false);
        mine.setLabel(getTranslation("conflict.mine"));
        mine.setValue(myDraft.getText());
        mine.setReadOnly(true);
        mine.setId("conflict-mine");
        var side = new Div(mine);
        side.addClassName("conflict-side");
        if (theirEntry != null) {
            theirs.setLabel(getTranslation("conflict.theirs"));
            theirs.setValue(theirEntry.text());
            theirs.setReadOnly(true);
            theirs.setId("conflict-theirs");
            side.add(theirs);
            merged.setLabel(getTranslation("conflict.merged"));
            merged.setMaxLength(OutcomeEntry.TEXT_MAX);
        merged.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(getTranslation("outcome.invalid-text")));
            merged.setValue(mergeSuggestion(theirEntry.text(), myDraft.getText()));
            merged.setId("conflict-merged");
            merged.setWidthFull();
        }
        add(new Paragraph(getTranslation(theirEntry == null ? "conflict.deleted.text" : "conflict.text")), side);
        if (theirEntry != null) {
            add(merged);
        }

        keepMine = new Button(getTranslation(theirEntry == null ? "conflict.add-as-new" : "conflict.keep-mine"), e -> {
            close();
            onResolve.accept(myDraft.getText());
        });
        keepMine.setId("conflict-keep-mine");
        takeTheirs = new Button(getTranslation(theirEntry == null ? "conflict.discard" : "conflict.take-theirs"), e -> {
            close();
            onResolve.accept(null);
        });
        takeTheirs.setId("conflict-take-theirs");
        saveMerged = new Button(getTranslation("conflict.save-merged"), e -> {
            String text = merged.getValue();
            if (text.strip().length() < OutcomeEntry.TEXT_MIN || text.length() > OutcomeEntry.TEXT_MAX) {
                merged.setInvalid(true);
                merged.setErrorMessage(getTranslation("outcome.invalid-text"));
                return;
            }
            close();
            onResolve.accept(text);
        });
        saveMerged.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveMerged.setId("conflict-save-merged");
        saveMerged.setVisible(theirEntry != null);
        getFooter().add(takeTheirs, keepMine, saveMerged);
    }

    private static String mergeSuggestion(String theirs, String mine) {
        String combined = theirs + "\n\n" + mine;
        return combined.length() > OutcomeEntry.TEXT_MAX ? mine : combined;
    }

}
