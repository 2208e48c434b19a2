package org.ngoplatform.base;

import com.vaadin.flow.spring.VaadinServletContextInitializer;
import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.lang.reflect.Field;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After start-up on a real Tomcat (as in production), the class metadata Vaadin's scan read is no longer kept.
 * Reads two private fields (Vaadin's factory, Spring's cache of it): if either library renames them, this test fails
 * and {@link ScanMetadataRelease} needs a new look.
 */
@WebIntegrationTest
class ScanMetadataReleaseTest {

    @Autowired ApplicationContext context;

    @Test
    void vaadin_s_scan_keeps_no_class_metadata_once_the_application_has_started() throws Exception {
        VaadinServletContextInitializer initializer = context.getBeanProvider(VaadinServletContextInitializer.class).getObject();
        MetadataReaderFactory factory = (MetadataReaderFactory) field(VaadinServletContextInitializer.class, "metadataReaderFactory").get(initializer);
        assertThat(factory).as("Vaadin's scan ran and kept its factory").isInstanceOf(CachingMetadataReaderFactory.class);

        Map<?, ?> cache = (Map<?, ?>) field(CachingMetadataReaderFactory.class, "metadataReaderCache").get(factory);
        assertThat(cache.size()).as("classes whose metadata Vaadin's factory still holds").isZero();
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
