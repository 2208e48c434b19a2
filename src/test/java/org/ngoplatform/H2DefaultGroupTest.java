package org.ngoplatform;

import org.junit.jupiter.api.Nested;

/**
 * The test classes on {@link H2DefaultTest}'s context, run as nested classes of this one so that one test JVM runs
 * them all and the context (the app booting on H2 with every migration) starts once per suite. As separate classes
 * surefire handed each to whichever test JVM was free, so with two JVMs the context started in both about half the
 * time (docs/performance.md, "Suite speed, third pass"). Each nested class is the unchanged test class; run one alone
 * with {@code -Dtest='H2DefaultGroupTest$Boot'}.
 */
class H2DefaultGroupTest {

    @Nested
    class Boot extends H2DefaultBootTest {
    }

    @Nested
    class RegistrationRush extends org.ngoplatform.registration.RegistrationRushOnH2Test {
    }

    @Nested
    class NewVisitThrottleHttp extends org.ngoplatform.account.NewVisitThrottleHttpTest {
    }
}
