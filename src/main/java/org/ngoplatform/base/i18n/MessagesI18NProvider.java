package org.ngoplatform.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves every {@code messages*.properties} bundle on the classpath: {@code messages.properties} plus one
 * bundle per feature ({@code messages-survey.properties} ...), each with its language variants
 * ({@code messages_de.properties}, {@code messages-survey_de.properties}). Files are read as UTF-8.
 */
@Component
public class MessagesI18NProvider implements I18NProvider, Translator {

    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.of("ru"));
    private static final Logger log = LoggerFactory.getLogger(MessagesI18NProvider.class);
    private static final Pattern LOCALE_SUFFIX = Pattern.compile(".*_[a-z]{2}(_[A-Z]{2})?$");

    private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();
    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();
    private final List<String> baseNames;

    public MessagesI18NProvider() {
        this.baseNames = discoverBaseNames();
    }

    static List<String> discoverBaseNames() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<String> names = new ArrayList<>();
            for (Resource resource : resolver.getResources("classpath*:messages*.properties")) {
                String file = resource.getFilename();
                if (file == null) continue;
                String name = file.substring(0, file.length() - ".properties".length());
                if (!LOCALE_SUFFIX.matcher(name).matches() && !names.contains(name)) {
                    names.add(name);
                }
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list message bundles", e);
        }
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = locale == null ? Locale.ENGLISH : locale;
        String pattern = messages(effective.getLanguage()).getProperty(key);
        if (pattern == null) {
            pattern = messages("").getProperty(key);
        }
        if (pattern == null) {
            log.warn("Missing translation key {}", key);
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return formatOf(pattern, effective).format(params);
    }

    /**
     * A {@link MessageFormat} of {@code pattern}, parsed once per language and pattern and copied for each use
     * (a {@code MessageFormat} is not thread-safe; a copy costs a fraction of parsing the pattern again, which every
     * mail's subject and body did: docs/performance.md, "Registration"). Patterns come from the bundles only; only the
     * provided locales are kept (a browser may send any), others are parsed each time as before.
     */
    private MessageFormat formatOf(String pattern, Locale locale) {
        if (!LOCALES.contains(locale)) {
            return new MessageFormat(pattern, locale);
        }
        MessageFormat parsed = formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(pattern, p -> new MessageFormat(p, locale));
        return (MessageFormat) parsed.clone();
    }

    @Override
    public String translate(String key, Locale locale, Object... params) {
        return getTranslation(key, locale, params);
    }

    private Properties messages(String language) {
        return byLanguage.computeIfAbsent(language, this::load);
    }

    private Properties load(String language) {
        Properties merged = new Properties();
        ClassLoader loader = getClass().getClassLoader();
        for (String base : baseNames) {
            String file = language.isEmpty() || language.equals("en") ? base + ".properties" : base + "_" + language + ".properties";
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in != null) {
                    merged.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        return merged;
    }

    /** All base bundle names found, for completeness checks. */
    public List<String> baseNames() {
        return List.copyOf(baseNames);
    }

    Map<String, String> snapshot(String language) {
        Map<String, String> copy = new HashMap<>();
        messages(language).forEach((k, v) -> copy.put((String) k, (String) v));
        return copy;
    }
}
