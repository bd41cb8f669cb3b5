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
import kz.egov.idcard.application.ApplicationIds;
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
import org.jboss.resteasy.reactive.RestResponse;
import kz.egov.idcard.common.security.Roles;

@Path("/applications/{id}/payment")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService payments;
    private final Messages messages;
    private final JsonWebToken jwt;

    public PaymentResource(PaymentService payments, Messages messages, JsonWebToken jwt) {
        this.payments = payments;
        this.messages = messages;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CITIZEN)
    @SecurityRequirement(name = "bearer")
    @Tag(name = "Applications")
    @Operation(operationId = "createInvoice", summary = "Make the invoice for the fee", description = "Due when PAYMENT is the next step. The amount comes "
            + "from the fee schedule now and is fixed in the invoice; `payUrl` opens it in a banking app. While an invoice "
            + "is open it is given back (200) instead of a new one (201).")
    @APIResponse(responseCode = "201", description = "A new invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "200", description = "The invoice already open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)))
    public Uni<RestResponse<InvoiceView>> invoice(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServerRequest request) {
        return payments.invoice(jwt.getSubject(), ApplicationIds.parse(id), messages.resolve(acceptLanguage), ClientInfo.of(request))
                .map(issued -> RestResponse.status(issued.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        issued.invoice()));
    }

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @SecurityRequirement(name = "bearer")
    @Tag(name = "Applications")
    @Operation(operationId = "getInvoice", summary = "The application's invoice and its status",
            description = "The newest invoice of the caller's application: OPEN until paid or expired; 404 when none was made.")
    public Uni<InvoiceView> current(@PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id) {
        return payments.current(jwt.getSubject(), ApplicationIds.parse(id));
    }


}
