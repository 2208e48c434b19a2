package org.ngoplatform;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The application's own H2 URL ({@code application.properties}) with its file in a new temporary folder. */
public class H2InTemporaryFolder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String APP_FILE = "./data/ngoplatform";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            String url = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
                    .getProperty("spring.datasource.url");
            if (!url.startsWith("jdbc:h2:file:" + APP_FILE + ";")) {
                throw new IllegalStateException("application.properties no longer names the H2 file " + APP_FILE + ": " + url);
            }
            Path dir = Files.createTempDirectory("ngo-h2");
            TestPropertyValues.of("spring.datasource.url=" + url.replace(APP_FILE, dir.resolve("ngoplatform").toString()))
                    .applyTo(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
