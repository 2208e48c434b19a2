package org.ngoplatform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.SpringVersion;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in for Spring's {@code MetadataReaderFactoryDelegate} (src/main/java/org/springframework/..., why: its
 * Javadoc and docs/performance.md "Start-up against a JPA floor").
 */
class MetadataReaderWorkaroundTest {

    @Test
    void spring_reads_class_metadata_with_its_asm_reader_on_this_java() {
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24); // where Spring 7.0.8 would pick ClassFile
        assertThat(MetadataReaderFactory.create(getClass().getClassLoader()))
                .isExactlyInstanceOf(SimpleMetadataReaderFactory.class);
    }

    @Test
    void the_asm_reader_sees_the_annotations_component_scanning_needs() throws Exception {
        var metadata = new CachingMetadataReaderFactory(getClass().getClassLoader())
                .getMetadataReader(Application.class.getName()).getAnnotationMetadata();
        assertThat(metadata.hasAnnotation(SpringBootApplication.class.getName())).isTrue();
        assertThat(metadata.isAnnotated("org.springframework.context.annotation.ComponentScan")).isTrue();
    }

    @Test
    void the_workaround_is_only_kept_while_spring_framework_is_the_version_that_needs_it() {
        // spring-framework#37111 is fixed after 7.0.8 (PR #37112): on a newer version delete the stand-in and this test
        assertThat(SpringVersion.getVersion())
                .as("Spring Framework moved on: delete src/main/java/org/springframework/core/type/classreading/"
                        + "MetadataReaderFactoryDelegate.java and this test if the new version retains less heap")
                .isEqualTo("7.0.8");
    }
}
