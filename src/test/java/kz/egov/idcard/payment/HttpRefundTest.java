package kz.egov.idcard.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real gateway client's refund: keyed by our refund id, its answer checked before it is believed. */
@QuarkusTest
@QuarkusTestResource(RegistryStubs.class)
class HttpRefundTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @Adapter("http")
    HttpPaymentGateway gateway;

    private final UUID refundId = UUID.randomUUID();
    private PaymentGateway.RefundRequest refund;

    @BeforeEach
    void reset() {
        RegistryStubs.server.resetAll();
        refund = new PaymentGateway.RefundRequest(refundId, "IDC-20261231-ABC123", "P-1", new BigDecimal("865.00"), "KZT",
                "CANCELLED_BY_CITIZEN");
    }

    @Test
    void aRefundIsAskedWithItsIdAsTheIdempotencyKeyAndItsStateIsRead() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices/refunds")).willReturn(okJson("{\"status\": \"ACCEPTED\"}")));
        assertThat(gateway.refund(refund).await().atMost(WAIT)).isEqualTo(PaymentGateway.RefundState.ACCEPTED);
        RegistryStubs.server.verify(postRequestedFor(urlEqualTo("/v1/invoices/refunds"))
                .withHeader("Idempotency-Key", equalTo(refundId.toString()))
                .withRequestBody(equalToJson("{\"refundId\": \"" + refundId + "\", \"invoiceNumber\": \"IDC-20261231-ABC123\", "
                        + "\"paymentId\": \"P-1\", \"amount\": 865.00, \"currency\": \"KZT\", \"reason\": \"CANCELLED_BY_CITIZEN\"}")));
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices/refunds")).willReturn(okJson("{\"status\": \"COMPLETED\"}")));
        assertThat(gateway.refund(refund).await().atMost(WAIT)).isEqualTo(PaymentGateway.RefundState.COMPLETED);
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices/refunds")).willReturn(okJson("{\"status\": \"REJECTED\"}")));
        assertThat(gateway.refund(refund).await().atMost(WAIT)).isEqualTo(PaymentGateway.RefundState.REJECTED);
    }

    @Test
    void anAnswerThatIsNotAKnownStateOrAnErrorIsAFailureNeverADoneRefund() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices/refunds")).willReturn(okJson("{\"status\": \"DONE-ISH\"}")));
        assertThatThrownBy(() -> gateway.refund(refund).await().atMost(WAIT)).isInstanceOf(IllegalStateException.class);
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices/refunds")).willReturn(okJson("{}")));
        assertThatThrownBy(() -> gateway.refund(refund).await().atMost(WAIT)).isInstanceOf(IllegalStateException.class);
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/invoices/refunds")).willReturn(serverError()));
        assertThatThrownBy(() -> gateway.refund(refund).await().atMost(WAIT)).isInstanceOf(RuntimeException.class);
    }
}
