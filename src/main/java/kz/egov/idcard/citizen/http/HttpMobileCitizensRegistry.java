package kz.egov.idcard.citizen.http;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.citizen.AdaptersConfig;
import kz.egov.idcard.citizen.MobileCitizensRegistry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
@Adapter("http")
public class HttpMobileCitizensRegistry implements MobileCitizensRegistry {

    private final MobileCitizensClient client;
    private final AdaptersConfig config;

    public HttpMobileCitizensRegistry(@RestClient MobileCitizensClient client, AdaptersConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public Uni<Boolean> isRegistered(String iin, String phone) {
        return RegistryCalls.read("mobile-citizens", config.registryRetries(),
                client.verify(new MobileCitizensClient.VerifyRequest(iin, phone))
                        .map(answer -> {
                            if (answer == null || answer.registered() == null) {
                                throw new IllegalStateException("mobile citizens database answered without 'registered'");
                            }
                            return answer.registered();
                        }));
    }
}
