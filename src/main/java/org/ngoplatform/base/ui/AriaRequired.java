package org.ngoplatform.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Works around a known Vaadin issue (vaadin/web-components#2931): a required field group such as
 * {@code vaadin-date-time-picker} puts {@code aria-required} on its host, whose role is {@code group}, where ARIA
 * does not allow it (axe rule {@code aria-allowed-attr}, serious). The attribute is moved to the group's own inputs
 * (text boxes, where it is allowed and announced), and kept there whenever the component sets it again.
 */
public final class AriaRequired {

    private AriaRequired() {
    }

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
}
