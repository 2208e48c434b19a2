package org.ngoplatform.journey;

import org.ngoplatform.WebIntegrationTest;

/**
 * Base of the few end-to-end journeys: the whole app on a random port (on the shared MariaDB test
 * database) driven by Debian's headless Chromium. All journeys share this one Spring context.
 */
@WebIntegrationTest
public abstract class BrowserJourney extends ChromiumJourney {
}
