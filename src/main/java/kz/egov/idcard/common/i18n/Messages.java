package kz.egov.idcard.common.i18n;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Texts in Kazakh, Russian and English from {@code i18n/messages_<lang>.properties} (UTF-8).
 * Plain properties files rather than ResourceBundle so that the native image only needs them
 * listed as resources.
 */
@Singleton
public class Messages {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(RUSSIAN, KAZAKH, ENGLISH);

    /** The Accept-Language the API reads: longer or other values are ignored (Russian), as documented. */
    public static final int ACCEPT_LANGUAGE_MAX_LENGTH = 256;
    public static final String ACCEPT_LANGUAGE_PATTERN = "^[A-Za-z0-9*,;=. -]*$";
    private static final java.util.regex.Pattern ACCEPT_LANGUAGE = java.util.regex.Pattern.compile(ACCEPT_LANGUAGE_PATTERN);

    private final Map<String, Properties> bundles = Map.of(
            "ru", load("ru"), "kk", load("kk"), "en", load("en"));

    /** The best supported language for an Accept-Language header; Russian when none fits. */
    public Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > ACCEPT_LANGUAGE_MAX_LENGTH
                || !ACCEPT_LANGUAGE.matcher(acceptLanguage).matches()) {
            return RUSSIAN;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? RUSSIAN : match;
        } catch (RuntimeException malformed) {
            // The JDK's parser throws more than IllegalArgumentException on odd input (e.g. ",;").
            return RUSSIAN;
        }
    }

    public String get(Locale locale, String key, Object... args) {
        Properties bundle = bundles.getOrDefault(locale.getLanguage(), bundles.get("ru"));
        String pattern = bundle.getProperty(key);
        if (pattern == null) {
            pattern = bundles.get("ru").getProperty(key, key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundles.get("ru").containsKey(key);
    }

    private static Properties load(String language) {
        String path = "i18n/messages_" + language + ".properties";
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing message bundle " + path);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
