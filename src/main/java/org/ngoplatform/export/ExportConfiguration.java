package org.ngoplatform.export;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    ExportSettings exportSettings(
            // One parent per OS user: a parent made by another user (default mode 755) refused this one its folder at start.
            @Value("${ngo.export.directory:${java.io.tmpdir}/ngo-platform-exports-${user.name}}") String directory,
            @Value("${ngo.export.expiry:PT1H}") Duration expiry,
            @Value("${ngo.export.threads:2}") int threads,
            @Value("${ngo.export.queue-capacity:8}") int queueCapacity,
            @Value("${ngo.export.inline-max-rows:2000}") long inlineMaxRows) {
        return new ExportSettings(Path.of(directory), expiry, threads, queueCapacity, inlineMaxRows);
    }
}
