package kz.egov.idcard.citizen;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kz.egov.idcard.common.adapters.Adapters;
import kz.egov.idcard.common.startup.StartupRequirement;
import org.eclipse.microprofile.config.ConfigProvider;

/** The registries in use, as {@code idcard.adapters.mobile-citizens} and {@code idcard.adapters.id-documents} say. */
@ApplicationScoped
public class Registries implements StartupRequirement {

    private final AdaptersConfig config;

    public Registries(AdaptersConfig config) {
        this.config = config;
    }

    /** An HTTP adapter without a base URL cannot work: named at start with everything else missing. */
    @Override
    public List<String> missing() {
        return missingUrls(config, key -> ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client." + key + ".url", String.class).filter(url -> !url.isBlank()).isPresent());
    }

    static List<String> missingUrls(AdaptersConfig config, Predicate<String> configured) {
        List<String> missing = new ArrayList<>();
        if ("http".equals(config.mobileCitizens()) && !configured.test("mobile-citizens")) {
            missing.add("IDCARD_MOBILE_CITIZENS_URL (quarkus.rest-client.mobile-citizens.url)");
        }
        if ("http".equals(config.idDocuments()) && !configured.test("id-documents")) {
            missing.add("IDCARD_ID_DOCUMENTS_URL (quarkus.rest-client.id-documents.url)");
        }
        return missing;
    }

    @Produces
    @ApplicationScoped
    MobileCitizensRegistry mobileCitizens(AdaptersConfig config, @Any Instance<MobileCitizensRegistry> all) {
        return Adapters.choose(all, "idcard.adapters.mobile-citizens", config.mobileCitizens());
    }

    @Produces
    @ApplicationScoped
    IdDocumentRegistry idDocuments(AdaptersConfig config, @Any Instance<IdDocumentRegistry> all) {
        return Adapters.choose(all, "idcard.adapters.id-documents", config.idDocuments());
    }
}
