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

/** An organiser signs in, opens the audit log, exports it and gets a download link. */
class AuditExportJourneyTest extends BrowserJourney {

    @Autowired AccountFixtures fixtures;

    @Test
    void organiser_exports_the_audit_log_and_gets_a_download_link() throws Exception {
        var organiser = fixtures.create(Role.ORGANISER);
        open("login");
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        user.sendKeys(organiser.getUsername());
        WebElement password = driver.findElement(By.cssSelector("input[name='password']"));
        password.sendKeys(AccountFixtures.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));

        open("admin/audit");
        byId("audit-grid");
        // a JS click: in dev mode Vaadin Copilot's overlay may sit over the top-right corner
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click()", byId("audit-export"));
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
