package kz.egov.idcard.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local stand-in for the government systems' HTTP APIs, for the production adapters' tests. */
public class RegistryStubs implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String url = server.baseUrl();
        return Map.of(
                "quarkus.rest-client.mobile-citizens.url", url,
                "quarkus.rest-client.mobile-citizens.read-timeout", "1000",
                "quarkus.rest-client.id-documents.url", url,
                "quarkus.rest-client.id-documents.read-timeout", "1000",
                "quarkus.rest-client.sms-gateway.url", url,
                "quarkus.rest-client.sms-gateway.read-timeout", "1000",
                "quarkus.rest-client.face-matcher.url", url,
                "quarkus.rest-client.face-matcher.read-timeout", "1000",
                "quarkus.rest-client.payment-gateway.url", url,
                "quarkus.rest-client.push.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
