package org.ngoplatform.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Works around a known Vaadin issue (vaadin/web-components#2931): a required field group puts {@code aria-required}
 * on its host. Where the host's role is {@code group} ({@code vaadin-date-time-picker}, {@code vaadin-checkbox-group})
 * ARIA does not allow it (axe rule {@code aria-allowed-attr}). ({@code vaadin-radio-group} has role
 * {@code radiogroup}, which allows it, and needs nothing.) The visible required indicator is left as it is.
 */
public final class AriaRequired {

    /** Message key of the text that describes a required group to assistive technology. */
    public static final String DESCRIPTION_KEY = "field.required";

    private AriaRequired() {
    }

    /**
     * For a group of text boxes (date-time picker): the attribute is moved to the group's own inputs, where it is
     * allowed and announced, and kept there whenever the component sets it again.
     */
    public static void onInputs(Component group) {
        group.getElement().executeJs("""
                const host = this;
                const fix = () => {
                  const required = host.getAttribute('aria-required');
                  if (required === null) return;
                  host.removeAttribute('aria-required');
                  host.querySelectorAll('input').forEach(i => i.setAttribute('aria-required', required));
                };
                new MutationObserver(fix).observe(host, {attributes: true, attributeFilter: ['aria-required']});
                fix();
                """);
    }

    /**
     * For a group of checkboxes: {@code aria-required} on each box would say that every box must be ticked, so the
     * attribute is removed from the host and, while the group is required, a hidden text ("Required", translated)
     * is added to the group's accessible description: it is referenced first in the host's
     * {@code aria-describedby}, next to the helper and error references Vaadin keeps there. Kept up to date whenever
     * the component changes these attributes; a group that is not required gets no such reference.
     */
    public static void inDescription(Component group) {
        describeRequired(group, null);
    }

    /**
     * For a select ({@code vaadin-select}, vaadin/web-components#7337): Vaadin puts {@code aria-required} on the
     * value button, whose role {@code button} does not allow it. As {@link #inDescription(Component)}, with the
     * button as the element that is described: the attribute is removed from it and "Required" (translated) added
     * to its accessible description while the select is required.
     */
    public static void onSelectButton(Component select) {
        describeRequired(select, "vaadin-select-value-button");
    }

    /** The target is the host itself, or its light-DOM child matching {@code targetSelector}. */
    private static void describeRequired(Component host, String targetSelector) {
        host.getElement().executeJs("""
                const host = this;
                const start = tries => {
                const target = $1 ? host.querySelector($1) : host;
                if (!target) { // a component not rendered yet makes its parts in a moment
                  if (tries > 0) requestAnimationFrame(() => start(tries - 1));
                  return;
                }
                window.ngoAriaRequiredCount = (window.ngoAriaRequiredCount || 0) + 1;
                const note = document.createElement('span');
                note.id = 'aria-required-note-' + window.ngoAriaRequiredCount;
                note.hidden = true;
                note.textContent = $0;
                host.appendChild(note);
                const fix = () => {
                  const required = host.hasAttribute('required') || target.getAttribute('aria-required') === 'true';
                  if (target.hasAttribute('aria-required')) target.removeAttribute('aria-required');
                  const before = target.getAttribute('aria-describedby') || '';
                  const ids = before.split(/\\s+/).filter(id => id && id !== note.id);
                  if (required) ids.unshift(note.id);
                  const after = ids.join(' ');
                  if (after === before) return;
                  if (after) target.setAttribute('aria-describedby', after);
                  else target.removeAttribute('aria-describedby');
                };
                new MutationObserver(fix).observe(host, {attributes: true, attributeFilter: ['required']});
                if (target !== host) new MutationObserver(fix).observe(target,
                    {attributes: true, attributeFilter: ['aria-required', 'aria-describedby']});
                else new MutationObserver(fix).observe(host,
                    {attributes: true, attributeFilter: ['aria-required', 'aria-describedby']});
                fix();
                };
                start(50);
                """, host.getTranslation(DESCRIPTION_KEY), targetSelector);
    }
}
