package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ChromiumJourney#open}: inside the app where the tab shows another live page of it, a new document where not. */
class ChromiumJourneyTest extends BrowserJourney {

    @Test
    void open_moves_inside_the_app_keeping_the_document_and_loads_the_page_it_is_on_anew() {
        open("privacy");
        mark();
        open("signup?from=privacy");
        assertThat(byId("signup-view").isDisplayed()).isTrue();
        assertThat(driver.getCurrentUrl()).endsWith("/signup?from=privacy");
        assertThat(marked()).as("the same document: no new load").isTrue();

        // the page it is on: loaded anew (shows what changed meanwhile), as a test that opens it again expects
        open("signup?from=privacy");
        assertThat(byId("signup-view").isDisplayed()).isTrue();
        assertThat(marked()).as("a new document").isFalse();

        // a signed-in person's page, signed out: where a first visit lands, the login page
        mark();
        open("my/registrations");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(wait.until(d -> d.findElement(By.cssSelector("input[name='username']"))).isDisplayed()).isTrue();
    }

    @Test
    void waits_and_clicks_find_an_element_anew_when_the_page_replaced_it_meanwhile() {
        open("privacy");
        // a button the page replaces by a new one with the same id, as a live list re-renders its rows
        js("""
                window.clicks = 0; window.replaced = 0;
                window.put = () => {
                  const b = document.createElement('button'); b.id = 'churn'; b.dataset.n = ++window.replaced;
                  b.onclick = () => window.clicks++;
                  const old = document.getElementById('churn');
                  old ? old.replaceWith(b) : document.body.append(b);
                };
                put();""");
        var read = driver.findElement(By.id("churn"));
        js("put()");

        // a condition that reads an element gone meanwhile looks again instead of failing
        var looks = new java.util.concurrent.atomic.AtomicInteger();
        String number = wait.until(d -> (looks.getAndIncrement() == 0 ? read : d.findElement(By.id("churn")))
                .getDomAttribute("data-n"));
        assertThat(looks).hasValue(2);
        assertThat(number).isEqualTo("2");

        // a click while the page replaces the button 40 times, every 5 ms: it lands once, on whichever is there
        js("""
                let left = 40;
                const churn = setInterval(() => { put(); if (--left === 0) clearInterval(churn); }, 5);""");
        click("churn");
        wait.until(d -> ((Number) js("return window.replaced")).intValue() == 42);
        assertThat(((Number) js("return window.clicks")).intValue()).isEqualTo(1);
    }

    private void mark() {
        js("window.openedBefore = true");
    }

    private boolean marked() {
        return Boolean.TRUE.equals(js("return window.openedBefore === true"));
    }
}
