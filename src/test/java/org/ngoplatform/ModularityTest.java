package org.ngoplatform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages stay acyclic and talk to each other only through their root (public API) packages. */
class ModularityTest {

    @Test
    void modules_are_acyclic_and_respect_their_boundaries() {
        ApplicationModules.of(Application.class).verify();
    }
}
