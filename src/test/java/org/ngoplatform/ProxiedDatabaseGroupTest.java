package org.ngoplatform;

import org.junit.jupiter.api.Nested;

/**
 * The test classes on {@link ProxiedDatabaseTest}'s context, run as nested classes of this one so that one test JVM
 * runs them all and the context starts once per suite. As separate classes surefire handed each to whichever test JVM
 * was free, so with two JVMs the context started in both about half the time (docs/performance.md, "Suite speed,
 * third pass"). Each nested class is the unchanged test class; run one alone with
 * {@code -Dtest='ProxiedDatabaseGroupTest$DatabaseOutage'}.
 */
class ProxiedDatabaseGroupTest {

    @Nested
    class CrashMidTransaction extends CrashMidTransactionTest {
    }

    @Nested
    class DatabaseOutage extends org.ngoplatform.base.ui.DatabaseOutageTest {
    }

    @Nested
    class RegistrationFormOutage extends org.ngoplatform.registration.ui.RegistrationFormOutageTest {
    }
}
