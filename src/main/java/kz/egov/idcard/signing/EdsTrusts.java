package kz.egov.idcard.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;

/** The EDS trust in use, as {@code idcard.eds.trust} says ({@code configured}, or {@code sandbox} in the sandbox). */
@ApplicationScoped
public class EdsTrusts {

    static final String SETTING = "idcard.eds.trust";

    @Produces
    @ApplicationScoped
    EdsTrust trust(EdsConfig config, @Any Instance<EdsTrust> all) {
        return Adapters.choose(all, SETTING, config.trust());
    }
}
