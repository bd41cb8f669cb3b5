package kz.egov.idcard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages messages = new Messages();

    @Test
    void everyProblemCodeHasATitleAndDetailInEveryLanguage() {
        for (ErrorCode code : ErrorCode.values()) {
            for (Locale locale : Messages.SUPPORTED) {
                for (String part : new String[] {"title", "detail"}) {
                    String key = "problem." + code.name() + "." + part;
                    assertThat(messages.get(locale, key)).as(locale + " " + key).isNotEqualTo(key).isNotBlank();
                }
            }
        }
    }

    @Test
    void picksTheBestSupportedLanguageAndFallsBackToRussian() {
        assertThat(messages.resolve("kk-KZ")).isEqualTo(Messages.KAZAKH);
        assertThat(messages.resolve("en-GB,en;q=0.8")).isEqualTo(Messages.ENGLISH);
        assertThat(messages.resolve("fr-FR, de;q=0.5, kk;q=0.1")).isEqualTo(Messages.KAZAKH);
        assertThat(messages.resolve("fr")).isEqualTo(Messages.RUSSIAN);
        assertThat(messages.resolve(null)).isEqualTo(Messages.RUSSIAN);
        assertThat(messages.resolve("q=;;")).isEqualTo(Messages.RUSSIAN);
    }
}
