package kz.egov.idcard.payment;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.egov.idcard.auth.TokenIssuer;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.payment.PaymentService.InvoiceView;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/payments/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentNoticeResource {

    private final PaymentNotices notices;

    public PaymentNoticeResource(PaymentNotices notices) {
        this.notices = notices;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @SecurityRequirement(name = "paymentGatewaySignature")
    @Tag(name = "Payment gateway")
    @Operation(operationId = "receivePaymentNotice", summary = "A payment notice from the gateway", description = "No user token: the notice is authenticated by "
            + "`X-Payment-Signature`, the hex HMAC-SHA256 of `<X-Payment-Timestamp>.<raw body>` with the shared secret; the "
            + "timestamp (Unix seconds) must be within 5 minutes. Body: `{paymentId, invoiceNumber, amount, currency}`. "
            + "The same paymentId twice has one effect; another amount or currency is refused (422) and recorded; an unknown "
            + "invoice is a 404; money for an invoice that can no longer be paid (already paid, expired, or its application ended) is "
            + "refunded by itself: outcome REFUND_REQUESTED (200).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeBody.class)))
    public Uni<NoticeAck> notice(byte[] rawBody,
            @Parameter(required = true, example = "1764306000", schema = @Schema(type = SchemaType.STRING, maxLength = 20,
                    pattern = "^[0-9]{1,20}$")) @HeaderParam(PaymentNotices.TIMESTAMP_HEADER) String timestamp,
            @Parameter(required = true, example = "3b6f1c0e9a4d2b7c8e5f6a1d0c9b8a7e6f5d4c3b2a1908f7e6d5c4b3a2918070",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^[0-9a-fA-F]{64}$"))
            @HeaderParam(PaymentNotices.SIGNATURE_HEADER) String signature) {
        return notices.receive(rawBody, timestamp, signature).map(result -> {
            if (result.error() != null) {
                throw new ApiException(result.error()).with("outcome", result.outcome());
            }
            return new NoticeAck(result.outcome());
        });
    }

    @RegisterForReflection
    @Schema(name = "PaymentNotice", description = "What the gateway sends")
    public record NoticeBody(
            // The limits PaymentNotices.parse applies; a notice outside them is refused.
            @Schema(required = true, maxLength = 64, pattern = "\\S", example = "PAY-8842193") String paymentId,
            @Schema(required = true, maxLength = 32, pattern = "\\S", example = "IDC-20261128-7F3K9Q") String invoiceNumber,
            @Schema(required = true, example = "865.00", minimum = "0.01", maximum = "999999999999.99", multipleOf = 0.01)
            java.math.BigDecimal amount,
            @Schema(required = true, maxLength = 8, pattern = "\\S", example = "KZT") String currency) {
    }

    @RegisterForReflection
    @Schema(name = "PaymentNoticeAck")
    public record NoticeAck(
            @Schema(enumeration = {"APPLIED", "DUPLICATE", "REFUND_REQUESTED"}, example = "APPLIED") String outcome) {
    }
}
