package org.ngoplatform.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A lazy grid that shows each row as one card on a narrow window (a phone) and as its ordinary columns on a wide one,
 * so that on a phone the row's key facts and actions are visible without scrolling sideways inside the grid.
 * <p>
 * <b>Why on the server and not with CSS media or container queries:</b> a {@code vaadin-grid}'s columns are hidden
 * with the column's {@code hidden} property, not by CSS; a query can only squeeze or hide cells, never give the
 * grid a different set of columns. So the window's width is read once when the grid is attached
 * ({@code ExtendedClientDetails.refresh}: fresh, not the width the page had when it was first loaded) and followed
 * with {@code Page.addBrowserWindowResizeListener} while it is attached. The card column is only created the first
 * time a window is narrow, so a desktop never renders it; rows still page lazily through the view's service. The
 * breakpoint is the one the stylesheet uses for phones ({@value #NARROW_MAX_PX} px).
 * <p>
 * Use: {@code ResponsiveGrid.cards(grid, getTranslation("..."), row -> new ResponsiveGrid.Card(row.name())
 * .fact(label, value).actions(buttons))}. Columns given to {@link #keep} stay in both layouts; all other columns the
 * view shows are hidden on a narrow window and shown again on a wide one.
 */
public final class ResponsiveGrid<T> implements Serializable {

    /** Widest window (CSS px) shown as cards; matches {@code @media (max-width: 600px)} in ngo-platform.css. */
    public static final int NARROW_MAX_PX = 600;
    static final String CARD_COLUMN_KEY = "card";

    private final Grid<T> grid;
    private final String header;
    private final SerializableFunction<T, Component> card;
    private final List<Grid.Column<T>> kept = new ArrayList<>();
    /** The columns this helper hid for a narrow window, shown again on a wide one. */
    private final List<Grid.Column<T>> hiddenByUs = new ArrayList<>();
    private Grid.Column<T> cardColumn;
    private boolean narrow;
    private Registration resize;

    private ResponsiveGrid(Grid<T> grid, String header, SerializableFunction<T, Component> card) {
        this.grid = grid;
        this.header = header;
        this.card = card;
        grid.addAttachListener(this::attached);
        grid.addDetachListener(e -> {
            if (resize != null) {
                resize.remove();
                resize = null;
            }
        });
    }

    /**
     * Shows {@code grid} as cards made by {@code card} on a narrow window; {@code header} names the card column
     * (what a row is, e.g. "Registrations").
     */
    public static <T> ResponsiveGrid<T> cards(Grid<T> grid, String header, SerializableFunction<T, Component> card) {
        return new ResponsiveGrid<>(grid, header, card);
    }

    /** Columns shown in both layouts (e.g. a short first column that the card does not repeat). */
    @SafeVarargs
    public final ResponsiveGrid<T> keep(Grid.Column<T>... columns) {
        kept.addAll(Arrays.asList(columns));
        return this;
    }

    public boolean isNarrow() {
        return narrow;
    }

    /** The card column once a narrow window created it. */
    public Optional<Grid.Column<T>> cardColumn() {
        return Optional.ofNullable(cardColumn);
    }

    private void attached(AttachEvent event) {
        UI ui = event.getUI();
        Integer known = ComponentUtil.getData(ui, WindowWidth.class) == null ? null
                : ComponentUtil.getData(ui, WindowWidth.class).px();
        if (known != null) {
            layoutFor(known);
        }
        ui.getPage().getExtendedClientDetails().refresh(details -> {
            remember(ui, details.getWindowInnerWidth());
            layoutFor(details.getWindowInnerWidth());
        });
        if (resize == null) {
            resize = ui.getPage().addBrowserWindowResizeListener(e -> {
                remember(ui, e.getWidth());
                layoutFor(e.getWidth());
            });
        }
    }

    private static void remember(UI ui, int width) {
        if (width > 0) {
            ComponentUtil.setData(ui, WindowWidth.class, new WindowWidth(width));
        }
    }

    /** Chooses the layout for a window {@code width} CSS px wide; an unknown width (0 or less) keeps the columns. */
    void layoutFor(int width) {
        boolean shouldBeNarrow = width > 0 && width <= NARROW_MAX_PX;
        if (shouldBeNarrow == narrow) {
            return;
        }
        narrow = shouldBeNarrow;
        if (narrow) {
            if (cardColumn == null) {
                cardColumn = grid.addComponentColumn(card::apply).setHeader(header).setKey(CARD_COLUMN_KEY)
                        .setFlexGrow(1).setAutoWidth(false);
                cardColumn.setPartNameGenerator(row -> "card-cell");
            }
            for (Grid.Column<T> column : grid.getColumns()) {
                if (column != cardColumn && column.isVisible() && !kept.contains(column)) {
                    column.setVisible(false);
                    hiddenByUs.add(column);
                }
            }
            cardColumn.setVisible(true);
            grid.addClassName("grid-as-cards");
        } else {
            hiddenByUs.forEach(c -> c.setVisible(true));
            hiddenByUs.clear();
            if (cardColumn != null) {
                cardColumn.setVisible(false);
            }
            grid.removeClassName("grid-as-cards");
        }
    }

    /** The last width the browser reported for this UI, so the next view starts in the right layout. */
    private record WindowWidth(int px) implements Serializable {
    }

    /**
     * One row as a card: a title, facts as "label: value" lines (empty values left out) and the row's actions.
     * Text wraps; nothing is cut.
     */
    public static final class Card extends Div {

        private final Div facts = new Div();
        private final Div actions = new Div();

        public Card(String title) {
            this(new Span(title == null ? "" : title));
        }

        public Card(Component title) {
            addClassName("grid-card");
            Div heading = new Div(title);
            heading.addClassName("grid-card-title");
            facts.addClassName("grid-card-facts");
            actions.addClassName("grid-card-actions");
            add(heading, facts);
        }

        /** A fact; left out when {@code value} is empty. */
        public Card fact(String label, String value) {
            if (value == null || value.isBlank()) {
                return this;
            }
            return fact(label, new Span(value));
        }

        public Card fact(String label, Component value) {
            var name = new Span(label + ": ");
            name.addClassName("grid-card-label");
            var line = new Div(name, value);
            line.addClassName("grid-card-fact");
            facts.add(line);
            return this;
        }

        /** The row's actions, at the foot of the card. */
        public Card actions(Component... components) {
            if (components.length > 0) {
                actions.add(components);
                if (actions.getParent().isEmpty()) {
                    add(actions);
                }
            }
            return this;
        }
    }
}
