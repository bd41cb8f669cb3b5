package kz.egov.idcard.citizen;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.citizen.http.HttpIdDocumentRegistry;
import kz.egov.idcard.citizen.http.HttpMobileCitizensRegistry;
import kz.egov.idcard.sandbox.SandboxRegistries;
import kz.egov.idcard.sms.HttpSmsGateway;
import kz.egov.idcard.sms.SmsGateway;
import kz.egov.idcard.sandbox.SandboxSmsGateway;

/** Chooses, by configuration at run time, the implementation of each external system. */
@ApplicationScoped
public class RegistryAdapters {

    /** An HTTP adapter without a base URL cannot work: refuse to start and say which one. */
    void requireUrls(@Observes StartupEvent ignored, AdaptersConfig config) {
        List<String> missing = missingUrls(config, key -> ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client." + key + ".url", String.class).filter(url -> !url.isBlank()).isPresent());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start without the base URLs of: " + String.join(", ", missing));
        }
    }

    static List<String> missingUrls(AdaptersConfig config, Predicate<String> configured) {
        List<String> missing = new ArrayList<>();
        if (config.mobileCitizens() == AdaptersConfig.Kind.HTTP && !configured.test("mobile-citizens")) {
            missing.add("IDCARD_MOBILE_CITIZENS_URL (quarkus.rest-client.mobile-citizens.url)");
        }
        if (config.idDocuments() == AdaptersConfig.Kind.HTTP && !configured.test("id-documents")) {
            missing.add("IDCARD_ID_DOCUMENTS_URL (quarkus.rest-client.id-documents.url)");
        }
        if (config.sms() == AdaptersConfig.Kind.HTTP && !configured.test("sms-gateway")) {
            missing.add("IDCARD_SMS_GATEWAY_URL (quarkus.rest-client.sms-gateway.url)");
        }
        if (config.push() == AdaptersConfig.Kind.HTTP && !configured.test("push")) {
            missing.add("IDCARD_PUSH_URL (quarkus.rest-client.push.url)");
        }
        return missing;
    }

    @Produces
    @ApplicationScoped
    MobileCitizensRegistry mobileCitizens(AdaptersConfig config, Instance<SandboxRegistries> sandbox,
            Instance<HttpMobileCitizensRegistry> http) {
        return config.mobileCitizens() == AdaptersConfig.Kind.SANDBOX ? sandbox.get() : http.get();
    }

    @Produces
    @ApplicationScoped
    IdDocumentRegistry idDocuments(AdaptersConfig config, Instance<SandboxRegistries> sandbox,
            Instance<HttpIdDocumentRegistry> http) {
        return config.idDocuments() == AdaptersConfig.Kind.SANDBOX ? sandbox.get() : http.get();
    }

    @Produces
    @ApplicationScoped
    kz.egov.idcard.notification.PushChannel push(AdaptersConfig config, Instance<kz.egov.idcard.sandbox.SandboxPushChannel> sandbox,
            Instance<kz.egov.idcard.notification.HttpPushChannel> http) {
        return config.push() == AdaptersConfig.Kind.SANDBOX ? sandbox.get() : http.get();
    }

    @Produces
    @ApplicationScoped
    SmsGateway sms(AdaptersConfig config, Instance<SandboxSmsGateway> sandbox, Instance<HttpSmsGateway> http) {
        return config.sms() == AdaptersConfig.Kind.SANDBOX ? sandbox.get() : http.get();
    }
}
