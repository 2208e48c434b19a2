package org.ngoplatform.base;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.stereotype.Component;

/**
 * Lets go of the class metadata that scanning at start-up read, once every singleton exists.
 * <p>
 * Why (measured, docs/performance.md "Start-up, seventh pass"): Vaadin 25.2's {@code VaadinServletContextInitializer}
 * scans for routes and other annotated classes with a {@code CachingMetadataReaderFactory} that stores what it reads
 * in the application context's shared {@link MetadataReader} cache (vaadin/flow#24887), and keeps that factory for the
 * application's lifetime. At the end of start-up Spring drops the context's resource caches
 * ({@code AbstractApplicationContext.clearResourceCaches}: "ASM metadata from scanning") by forgetting the maps, not by
 * emptying them, so the map Vaadin's factory holds stayed alive: 1,557 classes' metadata, 3.9 MB of the 46 MB heap
 * after start-up and a full GC (a heap dump: 1,223 of the 1,553 {@code SimpleAnnotationMetadata} were reachable only
 * through that factory). Emptying the same map here, after the scans and before Spring's own clean-up, does what that
 * clean-up means to do; anything scanned later reads the class again.
 */
@Component
class ScanMetadataRelease implements SmartInitializingSingleton {

    private final ApplicationContext context;

    ScanMetadataRelease(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (context instanceof DefaultResourceLoader loader) {
            loader.getResourceCache(MetadataReader.class).clear();
        }
    }
}
