package org.ngoplatform;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;

/**
 * The test classes on {@link H2DefaultTest}'s context, run as nested classes of this one so that one test JVM runs
 * them all and the context (the app booting on H2 with every migration) starts once per suite. As separate classes
 * surefire handed each to whichever test JVM was free, so with two JVMs the context started in both about half the
 * time (docs/performance.md, "Suite speed, third pass"). Each nested class is the unchanged test class; run one alone
 * with {@code -Dtest='H2DefaultGroupTest$Boot'}.
 * <p>
 * {@link FirstRun} runs first: its story needs the app's start on an empty database (the one-time password in the log
 * of the start); the others run after it on what it leaves (one organiser, one upcoming edition, one participant).
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class H2DefaultGroupTest {

    @Nested
    @Order(1)
    class FirstRun extends org.ngoplatform.journey.FirstRunJourneyTest {
    }

    @Nested
    @Order(2)
    class Boot extends H2DefaultBootTest {
    }

    @Nested
    @Order(3)
    class RegistrationRush extends org.ngoplatform.registration.RegistrationRushOnH2Test {
    }

    @Nested
    @Order(4)
    class NewVisitThrottleHttp extends org.ngoplatform.account.NewVisitThrottleHttpTest {
    }
}
