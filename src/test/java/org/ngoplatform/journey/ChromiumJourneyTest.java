package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
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
        assertThat(wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector("input[name='username']"))).isDisplayed()).isTrue();
    }

    private void mark() {
        ((JavascriptExecutor) driver).executeScript("window.openedBefore = true");
    }

    private boolean marked() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.openedBefore === true"));
    }
}
