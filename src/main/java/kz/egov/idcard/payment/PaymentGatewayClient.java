package kz.egov.idcard.payment;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The payment gateway's HTTP API (contract in docs/api.md, "External systems"); refunds at /v1/invoices/refunds. */
@RegisterRestClient(configKey = "payment-gateway")
@Path("/v1/invoices")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PaymentGatewayClient {

    @POST
    Uni<Registered> register(Request request);

    /** A refund, keyed by our refund id: asking again answers the same refund's state. */
    @POST
    @Path("/refunds")
    Uni<RefundState> refund(@jakarta.ws.rs.HeaderParam("Idempotency-Key") String refundId, RefundCall refund);

    @RegisterForReflection
    record RefundCall(String refundId, String invoiceNumber, String paymentId, BigDecimal amount, String currency, String reason) {
    }

    @RegisterForReflection
    record RefundState(String status) {
    }

    @RegisterForReflection
    record Request(String number, BigDecimal amount, String currency, String description, OffsetDateTime expiresAt) {
    }

    @RegisterForReflection
    record Registered(String payUrl) {
    }
}
