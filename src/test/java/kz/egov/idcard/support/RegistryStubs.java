package kz.egov.idcard.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local stand-in for the government systems' HTTP APIs, for the production adapters' tests. */
public class RegistryStubs implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    /** Where the certification authority's OCSP responder answers. */
    public static final String OCSP_PATH = "/ocsp";

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String url = server.baseUrl();
        return Map.ofEntries(
                Map.entry("quarkus.rest-client.mobile-citizens.url", url),
                Map.entry("quarkus.rest-client.mobile-citizens.read-timeout", "1000"),
                Map.entry("quarkus.rest-client.id-documents.url", url),
                Map.entry("quarkus.rest-client.id-documents.read-timeout", "1000"),
                Map.entry("quarkus.rest-client.sms-gateway.url", url),
                Map.entry("quarkus.rest-client.sms-gateway.read-timeout", "1000"),
                Map.entry("quarkus.rest-client.face-matcher.url", url),
                Map.entry("quarkus.rest-client.face-matcher.read-timeout", "1000"),
                Map.entry("quarkus.rest-client.payment-gateway.url", url),
                Map.entry("quarkus.rest-client.push.url", url),
                Map.entry("quarkus.rest-client.eds-ocsp.url", url + OCSP_PATH),
                Map.entry("quarkus.rest-client.eds-ocsp.read-timeout", "1000"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
