package kz.egov.idcard.common.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.egov.idcard.common.adapters.Adapters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The fallback in use, as {@code idcard.secrets.fallback} says ({@code none}, or {@code sandbox} in the sandbox). */
@ApplicationScoped
public class SecretFallbacks {

    static final String SETTING = "idcard.secrets.fallback";

    @Produces
    @Singleton
    SecretFallback fallback(@ConfigProperty(name = SETTING, defaultValue = "none") String chosen, @Any Instance<SecretFallback> all) {
        return Adapters.choose(all, SETTING, chosen);
    }
}
