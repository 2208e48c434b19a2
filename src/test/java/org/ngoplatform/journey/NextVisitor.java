package org.ngoplatform.journey;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Map;

/**
 * One Chromium for several people in turn, where a journey used to quit its browser and start a new one for the next
 * person (or the same person on another screen). Each start cost a Chromium launch and then, on the first page, the
 * app's scripts fetched and compiled again with an empty cache (docs/performance.md, "Suite speed, 2026-12-07 (second
 * session)").
 * <p>
 * {@link #arrive} leaves the browser as the app sees a new one: a new tab (the old one closed, so no page, history or
 * session storage of the last person), no cookies (so no session: the next request starts a new one, through the
 * new-visit throttle like any new browser) and none of the app origin's stored data (local storage, IndexedDB, cache
 * storage, service workers). The HTTP cache stays: the app's scripts are served from it, as they are to anyone who
 * visited before. {@code ChromiumJourney} resets the test JVM's shared browser the same way before each test.
 */
public final class NextVisitor {

    private NextVisitor() {
    }

    /** The next person at this browser: a fresh tab, no cookies, no stored data of the app's origin. */
    public static void arrive(WebDriver driver, int port) {
        ChromeDriver chrome = (ChromeDriver) driver;
        String last = chrome.getWindowHandle();
        chrome.switchTo().newWindow(WindowType.TAB);
        String fresh = chrome.getWindowHandle();
        chrome.switchTo().window(last).close();
        chrome.switchTo().window(fresh);
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.executeCdpCommand("Storage.clearDataForOrigin",
                Map.of("origin", "http://localhost:" + port, "storageTypes", "all"));
    }

    /**
     * The page as a phone of this size shows it (headless Chromium keeps windows at least 500 px wide, so the phone
     * journeys have always emulated the viewport): call after {@link #arrive}, it applies to the current tab.
     */
    public static void phone(WebDriver driver, int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", true, "screenWidth", width, "screenHeight", height));
    }
}
