package org.ngoplatform.journey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The browser half of a journey: Debian's headless Chromium driving the app that the subclass's Spring test
 * context starts on a random port, with waits and helpers for Vaadin's components. Most journeys extend
 * {@link BrowserJourney} (the shared context on the MariaDB test database); {@code FirstRunJourneyTest} starts its
 * own app on an empty database.
 */
public abstract class ChromiumJourney {

    @LocalServerPort
    protected int port;

    protected WebDriver driver;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        driver = newDriver(1280, 900);
        wait = newWait(driver, 60);
    }

    /**
     * How often a wait looks again. Selenium's default is 500 ms, so every wait whose condition was not already true
     * slept half a second (after nearly every click and page load); docs/performance.md "Suite speed, 2026-12-06, second pass".
     */
    protected static final Duration POLL = Duration.ofMillis(50);

    /** A wait on this browser up to this many seconds, looking every {@link #POLL}. */
    protected static WebDriverWait newWait(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), POLL);
    }

    protected static WebDriver newDriver(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("ngo-chrome"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + "/" + path);
        waitForVaadin();
    }

    /**
     * Whether Vaadin has rendered and has no request in flight, asked inside the page: the page looks every 10 ms for
     * up to 5 s and answers once it is idle, so the test learns it in one round trip instead of polling from here.
     */
    static final String VAADIN_IDLE = """
            const done = arguments[arguments.length - 1];
            const idle = () => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients
                && Object.values(window.Vaadin.Flow.clients).length > 0
                && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());
            const until = Date.now() + 5000;
            const look = () => idle() ? done(true) : Date.now() > until ? done(false) : setTimeout(look, 10);
            look();""";

    /** Waits until Vaadin has rendered and has no request in flight. */
    protected void waitForVaadin() {
        waitForVaadin(driver);
    }

    /** Waits until Vaadin has rendered in this browser and has no request in flight (a page unloading meanwhile: asked again). */
    protected static void waitForVaadin(WebDriver browser) {
        newWait(browser, 60).ignoring(org.openqa.selenium.JavascriptException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript(VAADIN_IDLE)));
    }

    /** Signs in through the real login form and waits until the app has left the login page. */
    protected void signIn(String email, String password) {
        open("login");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        username.sendKeys(email);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, org.openqa.selenium.Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));
        waitForVaadin();
    }

    protected WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Sets the value of a Vaadin text field (found by component id) as if typed, and commits it. */
    protected void type(String id, String text) {
        WebElement field = byId(id);
        ((JavascriptExecutor) driver).executeScript(
                "const f = arguments[0]; f.value = arguments[1];"
                        + "f.dispatchEvent(new CustomEvent('input', {bubbles: true}));"
                        + "f.dispatchEvent(new CustomEvent('change', {bubbles: true}));", field, text);
        waitForVaadin();
    }

    /** Picks an item of a Vaadin combo box: types its label over any text in it, then clicks the item with exactly that text. */
    protected void choose(String id, String label) {
        WebElement input = byId(id).findElement(By.cssSelector("input"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", input);
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), label);
        // Wait for this box's filtered list (an earlier box's items may still be in the page) and click the match.
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && label.equals(e.getText().strip())).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", item);
        waitForVaadin();
        wait.until(d -> !"true".equals(byId(id).getDomAttribute("opened")) && label.equals(input.getDomProperty("value")));
    }

    /** Ticks a Vaadin checkbox found by component id. */
    protected void check(String id) {
        WebElement box = byId(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", box);
        waitForVaadin();
    }

    protected void click(String id) {
        WebElement element = byId(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
        waitForVaadin();
    }

    protected void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
