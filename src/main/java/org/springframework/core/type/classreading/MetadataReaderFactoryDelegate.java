package org.springframework.core.type.classreading;

import org.springframework.core.io.ResourceLoader;

/**
 * Stands in for Spring Framework 7.0.8's class of the same name so that class metadata is read with its ASM reader
 * ({@link SimpleMetadataReaderFactory}) on Java 24+ as well, instead of the JDK's ClassFile API reader.
 *
 * <p>Why (issue 15 §5, docs/performance.md "Start-up against a JPA floor"): on Java 24+ Spring 7.0.8 picks the
 * ClassFile reader, whose annotation metadata keeps each scanned class's parsed class file (bytes, constant pool,
 * model) alive for as long as the bean definitions live, i.e. for the life of the application: about 13 MB of this
 * app's heap after start-up. Known upstream (spring-projects/spring-framework#37111, fixed by PR #37112 after 7.0.8);
 * shadowing this package-private class is the workaround named there, as no setting selects the reader. Our classes
 * come first on every class path (BOOT-INF/classes in the jar, target/classes in tests and spring-boot:run), so this
 * class wins over spring-core's multi-release one. {@code MetadataReaderWorkaroundTest} checks that it is in use and
 * fails once Spring Framework moves past 7.0.8: then delete this file (and that test).
 */
abstract class MetadataReaderFactoryDelegate {

    static MetadataReaderFactory create(ResourceLoader resourceLoader) {
        return new SimpleMetadataReaderFactory(resourceLoader);
    }

    static MetadataReaderFactory create(ClassLoader classLoader) {
        return new SimpleMetadataReaderFactory(classLoader);
    }
}
