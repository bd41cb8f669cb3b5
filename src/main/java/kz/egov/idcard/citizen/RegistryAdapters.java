package kz.egov.idcard.citizen;

import jakarta.enterprise.context.ApplicationScoped;
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
    SmsGateway sms(AdaptersConfig config, Instance<SandboxSmsGateway> sandbox, Instance<HttpSmsGateway> http) {
        return config.sms() == AdaptersConfig.Kind.SANDBOX ? sandbox.get() : http.get();
    }
}
