package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.OutcomeConflictException;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.OutcomeRejectedException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's entries as cards, with edit, up, down and delete while editable. An entry being edited here keeps its
 * form through every live update (even if the entry was deleted or the group locked meanwhile), and a save on a
 * stale version opens the side-by-side conflict dialog.
 */
class OutcomeEntryList extends Div {

    /** Entries being edited here: their form survives every live refresh. */
    final Map<Long, Editing> editing = new LinkedHashMap<>();
    private final GroupOutcomesEditing page;
    private List<OutcomeEntrySummary> shown = List.of();
    private boolean editable;

    static final class Editing {
        final EntryForm form;
        long baseVersion;
        /** The box around the form, kept across renders; rebuilt only when "deleted meanwhile" changes. */
        Div box;
        boolean boxDeleted;

        Editing(EntryForm form, long baseVersion) {
            this.form = form;
            this.baseVersion = baseVersion;
        }
    }

    OutcomeEntryList(GroupOutcomesEditing page) {
        this.page = page;
        setId("entries");
        addClassName("entry-list");
        // remembers, in the browser, which control of the list had the focus (see the end of show)
        getElement().executeJs("this.addEventListener('focusin', ev => { if (ev.target && ev.target.id) this.__lastFocus = ev.target.id; })");
    }

    void showNotPublished() {
        removeAll();
        add(new Paragraph(getTranslation("outcome.not-published")));
    }

    /** {@code editable}: the caller may change entries in this state. */
    void show(List<OutcomeEntrySummary> entries, boolean editable) {
        this.shown = entries;
        this.editable = editable;
        List<Component> children = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (OutcomeEntrySummary e : entries) {
            ids.add(e.id());
            Editing ed = editing.get(e.id());
            // an open editor stays even if the group was locked meanwhile: the typed text must stay visible
            children.add(ed != null ? editor(e.id(), ed, false) : card(e));
        }
        // entries deleted meanwhile by someone else while being edited here: the text stays
        for (Map.Entry<Long, Editing> ed : editing.entrySet()) {
            if (!ids.contains(ed.getKey())) {
                children.add(editor(ed.getKey(), ed.getValue(), true));
            }
        }
        if (entries.isEmpty() && editing.isEmpty()) {
            children.add(new Paragraph(getTranslation("outcome.none")));
        }
        Children.replace(this, children);
        // Drawing the cards anew (an own move, or a colleague's change arriving live a moment later) removes the
        // control that had the focus: a keyboard user's focus goes back to the same control, if it still exists and
        // nothing else took the focus meanwhile (KeyboardJourneyTest lost it in 1 of 3 runs to a late live refresh).
        getElement().executeJs("const id = this.__lastFocus; const a = document.activeElement;"
                + " if (id && (!a || a === document.body)) { const e = document.getElementById(id); if (e) e.focus(); }");
    }

    boolean hasUnsavedText() {
        return editing.values().stream().anyMatch(ed -> ed.form.isDirty());
    }

    private Div card(OutcomeEntrySummary e) {
        var card = new Div();
        card.addClassName("entry-card");
        card.addClassName("entry-" + e.type().name().toLowerCase().replace('_', '-'));
        card.setId("entry-" + e.id());
        var type = new Span(getTranslation("outcome.type." + e.type().name()));
        type.getElement().getThemeList().add("badge");
        var text = new Paragraph(e.text());
        text.addClassName("entry-text");
        card.add(type, text);
        if (e.type() == EntryType.ACTION_POINT) {
            var meta = new Span(getTranslation("outcome.action-meta", nullToEmpty(e.ownerOrganisationName()),
                    e.dueDate() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(e.dueDate())));
            meta.addClassName("entry-meta");
            card.add(meta);
        }
        if (editable) {
            var actions = new Div();
            actions.addClassName("entry-actions");
            String which = excerpt(e.text());
            actions.add(iconButton(VaadinIcon.EDIT, "outcome.edit", which, "edit-" + e.id(), () -> startEdit(e)));
            actions.add(iconButton(VaadinIcon.ARROW_UP, "outcome.up", which, "up-" + e.id(), () -> move(e, -1)));
            actions.add(iconButton(VaadinIcon.ARROW_DOWN, "outcome.down", which, "down-" + e.id(), () -> move(e, 1)));
            actions.add(iconButton(VaadinIcon.TRASH, "outcome.delete", which, "delete-" + e.id(), () -> confirmDelete(e)));
            card.add(actions);
        }
        return card;
    }

    /** The start of an outcome's text, to tell its buttons apart from those of the other outcomes. */
    static String excerpt(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= EXCERPT_MAX ? oneLine : oneLine.substring(0, EXCERPT_MAX - 1).strip() + "…";
    }

    private static final int EXCERPT_MAX = 40;

    /**
     * An icon button that says what it does: its accessible name names the action and the outcome ("Move up:
     * Lack of shelters…"), its tooltip explains the action in a sentence.
     */
    private Button iconButton(VaadinIcon icon, String key, String which, String id, Runnable action) {
        var b = new Button(new Icon(icon), ev -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setAriaLabel(getTranslation("outcome.button.named", getTranslation(key), which));
        b.setTooltipText(getTranslation(key + ".help"));
        b.setId(id);
        return b;
    }

    private Div editor(long entryId, Editing ed, boolean deletedMeanwhile) {
        if (ed.box != null && ed.boxDeleted == deletedMeanwhile) {
            return ed.box;
        }
        var box = new Div();
        box.addClassName("entry-card");
        box.addClassName("entry-editing");
        box.setId("editor-" + entryId);
        if (deletedMeanwhile) {
            var note = new Paragraph(getTranslation("outcome.deleted-meanwhile"));
            note.addClassName("entry-warning");
            box.add(note);
        }
        var save = new Button(getTranslation("action.save"), e -> saveEdit(entryId));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-" + entryId);
        var cancel = new Button(getTranslation("action.cancel"), e -> {
            editing.remove(entryId);
            page.onTextChange().run();
            show(shown, editable);
            focus("edit-" + entryId);
        });
        cancel.setId("cancel-" + entryId);
        var buttons = new Div(save, cancel);
        buttons.addClassName("entry-actions");
        box.add(ed.form, buttons);
        ed.box = box;
        ed.boxDeleted = deletedMeanwhile;
        return box;
    }

    // ------------------------------------------------------------ actions

    private void startEdit(OutcomeEntrySummary e) {
        EntryForm form = new EntryForm(EntryDraft.of(e), page.organisations(), page.onTextChange());
        form.text.setId("edit-text-" + e.id());
        editing.put(e.id(), new Editing(form, e.version()));
        show(shown, editable);
        form.text.focus(); // the card with the Edit button pressed was replaced by the editor
    }

    void saveEdit(long entryId) {
        Editing ed = editing.get(entryId);
        if (ed == null) return;
        EntryDraft draft = ed.form.validDraft();
        if (draft == null) return;
        try {
            page.outcomes().update(entryId, ed.baseVersion, draft);
            editing.remove(entryId);
            page.onTextChange().run();
            page.refresh().run();
            focus("edit-" + entryId);
        } catch (OutcomeConflictException conflict) {
            new ConflictDialog(conflict.mine(), conflict.theirs(), text -> resolve(entryId, ed, conflict, text)).open();
        } catch (OutcomeRejectedException rejected) {
            error(rejected.messageKey());
        }
    }

    private void resolve(long entryId, Editing ed, OutcomeConflictException conflict, String text) {
        if (text == null) {
            editing.remove(entryId);
            page.onTextChange().run();
            page.refresh().run();
            return;
        }
        if (conflict.theirs() == null) {
            EntryDraft asNew = conflict.mine().copy();
            asNew.setText(text);
            try {
                page.outcomes().add(page.groupId(), asNew);
                editing.remove(entryId);
                page.onTextChange().run();
                page.refresh().run();
            } catch (OutcomeRejectedException rejected) {
                error(rejected.messageKey());
            }
            return;
        }
        ed.baseVersion = conflict.theirs().version();
        ed.form.setText(text);
        saveEdit(entryId);
    }

    private void move(OutcomeEntrySummary e, int direction) {
        try {
            page.outcomes().move(e.id(), direction);
            page.refresh().run();
            // the cards are drawn anew: keep the focus on the arrow pressed, so it can be pressed again
            focus((direction < 0 ? "up-" : "down-") + e.id());
        } catch (OutcomeRejectedException rejected) {
            error(rejected.messageKey());
        }
    }

    private void confirmDelete(OutcomeEntrySummary e) {
        var dialog = new ConfirmDialog(getTranslation("outcome.delete.title"), "",
                getTranslation("outcome.delete"), ev -> {
            try {
                page.outcomes().delete(e.id(), e.version());
            } catch (OutcomeConflictException changed) {
                error("outcome.changed-meanwhile");
            } catch (OutcomeRejectedException rejected) {
                error(rejected.messageKey());
            }
            page.refresh().run();
        });
        // the entry's text as a component: shown literally, whatever markup it contains
        var quoted = new Paragraph(e.text());
        quoted.addClassName("entry-text");
        dialog.setText(quoted);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-delete");
        dialog.open();
    }

    /** Moves the keyboard focus to the element with this id once the browser has the re-rendered page. */
    private void focus(String id) {
        getElement().executeJs("const e = document.getElementById($0); if (e) e.focus()", id);
    }

    private void error(String key) {
        Notification.show(getTranslation(key)).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
