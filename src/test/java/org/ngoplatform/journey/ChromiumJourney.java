package org.ngoplatform.journey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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
import java.util.List;

/**
 * The browser half of a journey: Debian's headless Chromium driving the app that the subclass's Spring test
 * context starts on a random port, with waits and helpers for Vaadin's components. Most journeys extend
 * {@link BrowserJourney} (the shared context on the MariaDB test database); {@code FirstRunJourneyTest} runs on the H2
 * default context of {@code H2DefaultGroupTest}, on an empty database.
 *
 * <h2>Signing in</h2>
 * {@link #signIn(String, String)}, through the real login form. (A session made in the embedded Tomcat instead was
 * tried and measured: 0.98× the CPU of the accessibility journeys, while the test proving it equal to a form sign-in
 * cost more than it saved; docs/performance.md, "Suite speed, 2026-12-07 (second session)".)
 *
 * <h2>One browser for the test JVM</h2>
 * All journeys of a test JVM use one Chromium ({@link #driver}), started by the first and quit when the JVM ends.
 * Before each test it is reset to what a new one is ({@link #resetBrowser}): a new tab on {@code about:blank}, without
 * cookies (so without a session) or stored data of the app, at the normal animation speed, window size and media. A
 * Chromium start and a cold cache for the app's scripts cost 2.5–3.4 s of Chromium's CPU each; the journeys started
 * ~17 of them per suite run when only the accessibility journeys shared one per class (docs/performance.md, "Suite
 * runs, 2026-12-07, seventh session"). A journey must not {@code quit()} {@link #driver}; a second browser it starts
 * ({@link #newDriver}) it closes itself.
 */
public abstract class ChromiumJourney {

    @LocalServerPort
    protected int port;

    protected WebDriver driver;
    protected WebDriverWait wait;

    /** The test JVM's one browser (see the class comment); quit when the JVM ends. */
    private static WebDriver shared;

    /** The browsers' window size, as a desktop user's. */
    private static final int WIDTH = 1280, HEIGHT = 900;

    @BeforeEach
    void startBrowser() throws IOException {
        if (shared != null) {
            try {
                resetBrowser(shared);
            } catch (WebDriverException gone) {
                // a test before left it unusable (crashed, closed): a new one
                quitQuietly(shared);
                shared = null;
            }
        }
        if (shared == null) {
            shared = newDriver(WIDTH, HEIGHT);
        }
        driver = shared;
        wait = newWait(driver, 60);
    }

    /**
     * Leaves a browser as a new one is: a blank page, no cookies (so no session), none of the app origin's stored
     * data (all types), animations at normal speed (a test may slow them), no emulated screen or media, the window at
     * its first size.
     */
    protected void resetBrowser(WebDriver browser) {
        // a new tab has its own page, animation rate, emulated screen and media; NextVisitor also clears cookies and
        // stored data. The window is the browser's: a test may have resized it.
        NextVisitor.arrive(browser, port);
        org.openqa.selenium.Dimension size = new org.openqa.selenium.Dimension(WIDTH, HEIGHT);
        if (!size.equals(browser.manage().window().getSize())) {
            browser.manage().window().setSize(size);
        }
    }

    @AfterEach
    void stopBrowser() {
        // a test that swapped in a browser of its own and did not put the shared one back
        if (driver != null && driver != shared) {
            quitQuietly(driver);
        }
    }

    private static void quitQuietly(WebDriver browser) {
        try {
            browser.quit();
        } catch (WebDriverException ignored) {
            // already gone
        }
    }

    /**
     * How often a wait looks again. Selenium's default is 500 ms, so every wait whose condition was not already true
     * slept half a second (after nearly every click and page load); docs/performance.md "Suite speed, 2026-12-06, second pass".
     */
    protected static final Duration POLL = Duration.ofMillis(50);

    /**
     * A wait on this browser up to this many seconds, looking every {@link #POLL}. An element that went stale while the
     * condition read it (the app re-rendered it between finding and reading, as live updates do) means "look again",
     * not a failure: the condition finds it anew on the next look. Without this a check-in journey failed in CI when a
     * row was replaced between {@code findElement} and {@code getDomAttribute}.
     */
    protected static WebDriverWait newWait(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), POLL);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Chromium's binary: Debian's {@code /usr/bin/chromium} (a wrapper that adds Debian's default flags), or another
     * given as {@code -Dngo.test.chromium=…} (an A/B of flags measured with a wrapper that times the browser).
     */
    private static final String CHROMIUM = System.getProperty("ngo.test.chromium", "/usr/bin/chromium");

    /** Flags added to every browser, given as {@code -Dngo.test.chromium-args='--a --b'} (for an A/B of flags). */
    private static final List<String> EXTRA_FLAGS = List.of(System.getProperty("ngo.test.chromium-args", "").split("\\s+"))
            .stream().filter(flag -> !flag.isBlank()).toList();

    /** The browsers' profile folders (~24 MB each, ~20 browsers a suite run), deleted when the test JVM ends. */
    private static final List<Path> PROFILES = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (shared != null) {
                quitQuietly(shared);
            }
            PROFILES.forEach(ChromiumJourney::deleteQuietly);
        }, "chromium-end"));
    }

    private static Path profile() throws IOException {
        Path folder = Files.createTempDirectory("ngo-chrome");
        PROFILES.add(folder);
        return folder;
    }

    private static void deleteQuietly(Path folder) {
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        } catch (IOException ignored) {
            // a browser still writing: nothing to keep the JVM for
        }
    }

    protected static WebDriver newDriver(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile());
        options.addArguments(EXTRA_FLAGS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Opens a page of the app. When the tab already shows a live page of the app, it goes there inside the app, as a
     * link of the app would ({@link #followInApp}), without loading a new document; otherwise (a new or reset tab) it
     * loads the address. Measured on the suite's machine (docs/performance.md, "Suite runs, 2026-12-07, sixth
     * session"): a new document costs Chromium 0.7–1.2 s of CPU and ~0.8 s (the app's scripts run again, and axe is
     * injected again), a move inside the app 0.11–0.21 s; Chromium used 55 % of the suite's CPU.
     */
    protected void open(String path) {
        if (loadsEveryPageAnew() || !followInApp(driver, port, path)) {
            driver.get("http://localhost:" + port + "/" + path);
        }
        waitForVaadin();
    }

    /**
     * Whether {@link #open} loads every page as a new document. A class whose checks need that (keyboard focus starting
     * at the top of a new page) returns {@code true}.
     */
    protected boolean loadsEveryPageAnew() {
        return false;
    }

    /**
     * Goes to the page inside the app, as the app's own links do: Flow's client takes a {@code vaadin-router-go} event
     * and asks the server for the new view over the open connection. Answers, once Vaadin's request is done, whether the
     * tab is at that address; {@code false} without trying when the tab shows no live page of the app or a dialog
     * (modal: it would hold the move back) or a request is in flight, or when it is at that address already (a load
     * shows the page anew, as a test that opens it again expects; the app would not move). Seeing no request start
     * within 3 s, it answers by the address alone.
     */
    static final String IN_APP = """
            const target = new URL(arguments[0], document.baseURI), origin = arguments[1];
            const done = arguments[arguments.length - 1];
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients
                ? Object.values(window.Vaadin.Flow.clients) : [];
            const active = () => clients.some(c => c.isActive && c.isActive());
            const at = () => location.pathname + location.search === target.pathname + target.search;
            if (location.origin !== origin || clients.length === 0 || active() || at()
                    || document.querySelector('vaadin-dialog[opened], vaadin-confirm-dialog[opened]')) {
                done(false);
                return;
            }
            let seen = false;
            const started = Date.now();
            window.dispatchEvent(new CustomEvent('vaadin-router-go', {detail: target}));
            const look = () => {
                const now = active();
                seen = seen || now;
                if (seen ? !now : Date.now() - started > 3000) done(at());
                else setTimeout(look, 2);
            };
            setTimeout(look, 0);""";

    /**
     * Moves this browser's tab to the page inside the app ({@link #IN_APP}). {@code false} when it did not arrive there
     * (no live page of the app, already at that address, a dialog open, the server sent it elsewhere): the caller then
     * loads the address, which ends where a first visit would.
     */
    private static boolean followInApp(WebDriver browser, int port, String path) {
        try {
            return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeAsyncScript(IN_APP, path, "http://localhost:" + port));
        } catch (WebDriverException unloading) {
            return false;
        }
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

    /**
     * Waits until Vaadin has rendered in this browser and has no request in flight (a page unloading meanwhile: asked
     * again). The in-page look lasts up to 5 s; on a machine loaded enough that it outlasts WebDriver's script timeout
     * (seen once at load ~50: {@code ScriptTimeoutException}), it is asked again too, within the 60 s of this wait.
     */
    protected static void waitForVaadin(WebDriver browser) {
        newWait(browser, 60).ignoring(org.openqa.selenium.JavascriptException.class)
                .ignoring(org.openqa.selenium.ScriptTimeoutException.class)
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
        onFresh(id, "const f = arguments[0]; f.value = arguments[1];"
                + "f.dispatchEvent(new CustomEvent('input', {bubbles: true}));"
                + "f.dispatchEvent(new CustomEvent('change', {bubbles: true}));", text);
        waitForVaadin();
    }

    /**
     * Runs the script on the element with this id, found anew if the app replaced it between finding and running (a
     * live update re-rendering a list does): a stale element fails before the script runs, so nothing happens twice.
     */
    private void onFresh(String id, String script, Object... more) {
        wait.until(d -> {
            Object[] arguments = new Object[more.length + 1];
            arguments[0] = d.findElement(By.id(id));
            System.arraycopy(more, 0, arguments, 1, more.length);
            ((JavascriptExecutor) d).executeScript(script, arguments);
            return true;
        });
    }

    /**
     * Picks an item of a Vaadin combo box: types its label over any text in it, then clicks the item with exactly that
     * text, and waits until the box has closed with that value.
     */
    protected void choose(String id, String label) {
        WebElement input = pick(id, label);
        wait.until(d -> !"true".equals(byId(id).getDomAttribute("opened")) && label.equals(input.getDomProperty("value")));
    }

    /**
     * {@link #choose} without its last wait, for a box the page redraws once an item is picked (the wait would watch
     * the replaced box): returns the box's input.
     */
    protected WebElement pick(String id, String label) {
        WebElement input = byId(id).findElement(By.cssSelector("input"));
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", input);
        // Ctrl+A, not a selection made by script: ChromeDriver's sendKeys may move the caret over that (PhoneGridsJourneyTest).
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), label);
        // Wait for this box's filtered list (an earlier box's items may still be in the page) and click the match.
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && label.equals(e.getText().strip())).findFirst().orElse(null));
        js("arguments[0].click()", item);
        waitForVaadin();
        return input;
    }

    /** Ticks the radio button or checkbox with this label inside a survey question's group ({@code q-<code>}). */
    protected void tick(String questionCode, String label) {
        WebElement group = byId("q-" + questionCode);
        WebElement option = wait.withMessage(() -> label + " in " + questionCode + " among "
                        + group.findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox")).stream()
                        .map(e -> e.getDomProperty("textContent")).toList())
                .until(d -> group.findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox")).stream()
                        .filter(e -> label.equals(e.getDomProperty("textContent").strip())).findFirst().orElse(null));
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].querySelector('input').click()", option);
        waitForVaadin();
    }

    /** Ticks a Vaadin checkbox found by component id. */
    protected void check(String id) {
        onFresh(id, "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()");
        waitForVaadin();
    }

    protected void click(String id) {
        onFresh(id, "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()");
        waitForVaadin();
    }

    /** Picks a language in the header's box; the page reloads in it (and a signed-in account keeps the choice). */
    protected void chooseLanguage(String label) {
        WebElement input = byId("language").findElement(By.cssSelector("input"));
        // empties the filter (not the value) and opens the list with every language in it. The text is selected with
        // the keyboard: ChromeDriver puts the caret at the end of an input it does not see focused before typing, and
        // in a tab opened after another (the test JVM's shared browser) it did so over a selection made by script.
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE,
                org.openqa.selenium.Keys.ARROW_DOWN);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && label.equals(e.getText().strip())).findFirst().orElse(null));
        js("arguments[0].click()", item);
        // the page reloads in the new language: the box read may be the old page's, gone a moment later
        wait.until(d -> label.equals(d.findElement(By.cssSelector("#language input")).getDomProperty("value")));
        waitForVaadin();
    }

    /** Runs the script in {@link #driver}'s current page and returns what it returns. */
    protected Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** How far {@link #driver}'s current page scrolls sideways, in CSS pixels (0 or less: not at all). */
    protected long sidewaysOverflow() {
        return sidewaysOverflow(driver);
    }

    /** How far the browser's current page scrolls sideways, in CSS pixels (0 or less: not at all). */
    protected static long sidewaysOverflow(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
    }

    protected void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
