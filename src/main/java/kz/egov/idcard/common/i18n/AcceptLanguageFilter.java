package kz.egov.idcard.common.i18n;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The service answers in kk, ru or en: before anything reads Accept-Language, the header is
 * reduced to the language the answer will be in ({@link Messages#resolve}). What else reads it
 * (the bean validator's message interpolation among them, which parses it with the JDK) then never
 * meets a value that names no language at all, which would fail a refusal with a 500 (found by
 * FuzzApiTest: an Accept-Language the JDK's parser chokes on, with a body that breaks a constraint).
 */
@Singleton
public class AcceptLanguageFilter {

    void register(@Observes Filters filters, Messages messages) {
        filters.register(rc -> {
            String given = rc.request().getHeader("Accept-Language");
            if (given != null) {
                rc.request().headers().set("Accept-Language", messages.resolve(given).getLanguage());
            }
            rc.next();
        }, 950);
    }
}
