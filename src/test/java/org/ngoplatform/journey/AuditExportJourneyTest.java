package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser signs in, opens the audit log, picks a person in the lazy person picker (a real browser's combo box
 * asking the server page by page), sees the subject by name with its link, exports it and gets a download link.
 */
class AuditExportJourneyTest extends BrowserJourney {

    @Autowired AccountFixtures fixtures;
    @Autowired org.ngoplatform.audit.AuditLog auditLog;

    @Test
    void organiser_exports_the_audit_log_and_gets_a_download_link() throws Exception {
        var organiser = fixtures.signIn(Role.ORGANISER);
        auditLog.record("ROLES_CHANGED", "account:" + organiser.accountId(), "[PARTICIPANT] -> [ORGANISER]");
        AccountFixtures.signOut();
        open("login");
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        user.sendKeys(organiser.getUsername());
        WebElement password = driver.findElement(By.cssSelector("input[name='password']"));
        password.sendKeys(AccountFixtures.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));

        open("admin/audit");
        byId("audit-grid");
        WebElement person = byId("audit-person").findElement(By.cssSelector("input"));
        person.sendKeys(organiser.getUsername());
        String label = "Test [ORGANISER] <" + organiser.getUsername() + ">";
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && label.equals(e.getText().strip())).findFirst().orElse(null));
        js("arguments[0].click()", item);
        waitForVaadin();
        wait.until(d -> "1 event".equals(byId("audit-count").getText()));
        WebElement subject = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> a.getText().equals("Test [ORGANISER]")).findFirst().orElse(null));
        assertThat(subject.getAttribute("href")).endsWith("/admin/accounts");
        // a JS click: in dev mode Vaadin Copilot's overlay may sit over the top-right corner
        js("arguments[0].click()", byId("audit-export"));
        waitForVaadin();
        WebElement link = byId("export-download");
        assertThat(link.getText()).startsWith("Download audit-log-");
        assertThat(link.getAttribute("href")).isNotBlank();
        screenshot("audit-export-desktop");

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 780));
        waitForVaadin();
        screenshot("audit-export-360");
    }
}
