package kz.egov.idcard.security.owasp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static kz.egov.idcard.citizen.HttpAdaptersTest.assertUnavailable;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import kz.egov.idcard.citizen.http.HttpIdDocumentRegistry;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.payment.HttpPaymentGateway;
import kz.egov.idcard.payment.PaymentGateway;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API10:2023, unsafe consumption of APIs. What the government systems and vendors answer is
 * checked before it is used; an answer that is not what the contract says is treated as an
 * outage (503 with Retry-After), never as a yes. The mobile citizens database's verdict, the face
 * matcher's and the OCSP responder's answers are checked the same way (HttpAdaptersTest,
 * HttpFaceMatcherTest, OcspTest, EdsRevocationTest).
 */
@QuarkusTest
@QuarkusTestResource(RegistryStubs.class)
class Api10UnsafeConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("http")
    HttpIdDocumentRegistry documents;

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("http")
    HttpPaymentGateway payments;

    @BeforeEach
    void reset() {
        RegistryStubs.server.resetAll();
    }

    @Test
    void aPersonWithImpossibleDataIsRefused() {
        RegistryStubs.server.stubFor(get(urlEqualTo("/v1/persons/900101300017")).willReturn(okJson("""
                {"iin": "900101300017", "lastName": "%s", "firstName": "Y", "birthDate": "1990-01-01"}
                """.formatted("X".repeat(500)))));
        assertUnavailable(() -> documents.findPerson("900101300017").await().atMost(WAIT), ErrorCode.REGISTRY_UNAVAILABLE);
        RegistryStubs.server.stubFor(get(urlEqualTo("/v1/persons/900101300017")).willReturn(okJson("{\"iin\": [1]}")));
        assertUnavailable(() -> documents.findPerson("900101300017").await().atMost(WAIT), ErrorCode.REGISTRY_UNAVAILABLE);
    }

    @Test
    void aPayUrlThatIsNotHttpsIsNotHandedToTheCitizen() {
        PaymentGateway.InvoiceRequest invoice = new PaymentGateway.InvoiceRequest("IDC-1", new BigDecimal("865.00"), "KZT", "ID card",
                OffsetDateTime.now().plusDays(1));
        for (String payUrl : new String[] {"http://pay.example/1", "javascript:alert(1)", "https://" + "a".repeat(3000)}) {
            RegistryStubs.server.resetAll();
            RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices")).willReturn(okJson("{\"payUrl\": \"" + payUrl + "\"}")));
            assertUnavailable(() -> payments.register(invoice).await().atMost(WAIT), ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE);
        }
        RegistryStubs.server.resetAll();
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices")).willReturn(okJson("{\"payUrl\": \"https://pay.example/1\"}")));
        assertThat(payments.register(invoice).await().atMost(WAIT)).isEqualTo("https://pay.example/1");
    }
}
