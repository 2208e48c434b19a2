package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.prepost.PreFilter;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SecurityConfig} enforces {@code @PreAuthorize} only (one interceptor instead of Spring Security's default set,
 * for start-up). A method guarded with another method-security annotation would not be checked at all, so none may be
 * used: this test fails on the first one, and SecurityConfig must then publish its interceptor too.
 */
class MethodSecurityAnnotationsTest {

    private static final List<Class<? extends Annotation>> NOT_ENFORCED =
            List.of(PostAuthorize.class, PreFilter.class, PostFilter.class, Secured.class);

    @Test
    void no_class_or_method_relies_on_a_method_security_annotation_other_than_pre_authorize() {
        assertThat(uses(NOT_ENFORCED)).isEmpty();
        assertThat(uses(List.of(PreAuthorize.class))).as("the scan finds the annotation that is enforced").hasSizeGreaterThan(100);
    }

    private static List<String> uses(List<Class<? extends Annotation>> annotations) {
        List<String> found = new ArrayList<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> {
            AnnotationMetadata type = reader.getAnnotationMetadata();
            for (Class<? extends Annotation> annotation : annotations) {
                if (type.isAnnotated(annotation.getName())) {
                    found.add(type.getClassName() + " @" + annotation.getSimpleName());
                }
                for (MethodMetadata method : type.getAnnotatedMethods(annotation.getName())) {
                    found.add(type.getClassName() + "." + method.getMethodName() + " @" + annotation.getSimpleName());
                }
            }
            return false;
        });
        scanner.findCandidateComponents("org.ngoplatform");
        return found;
    }
}
