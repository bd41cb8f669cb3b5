package kz.egov.idcard.sandbox;

import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.citizen.IdCard;
import kz.egov.idcard.citizen.Iin;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.sandbox.SandboxDtos.CitizenView;
import kz.egov.idcard.sandbox.SandboxDtos.CreateCitizen;
import kz.egov.idcard.sandbox.SandboxDtos.Persona;
import kz.egov.idcard.sandbox.SandboxDtos.Sms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;

/** Tools for integration testers; these endpoints exist only when the sandbox is enabled. */
@Path("/sandbox")
@Tag(name = "Sandbox")
@EndpointDisabled(name = "idcard.sandbox.enabled", stringValue = "false", disableIfMissing = true)
@PermitAll
@SecurityRequirementsSet
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    private final SandboxService sandbox;
    private final SandboxPayments payments;
    private final SandboxCa ca;
    private final Clock clock;

    public SandboxResource(SandboxService sandbox, SandboxPayments payments, SandboxCa ca, Clock clock) {
        this.sandbox = sandbox;
        this.payments = payments;
        this.ca = ca;
        this.clock = clock;
    }

    @POST
    @Path("/citizens")
    @Operation(operationId = "createSandboxCitizen", summary = "Create a test citizen", description = "Registers the phone to the IIN in the sandbox mobile citizens "
            + "database and the person, card and reference photo in the sandbox document registry.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitizenView.class)))
    public Uni<RestResponse<CitizenView>> create(@Valid @NotNull CreateCitizen body, @Context UriInfo uri) {
        return sandbox.create(body).map(citizen -> RestResponse.ResponseBuilder.<CitizenView>created(
                        uri.getBaseUriBuilder().path("sandbox/citizens/{iin}/reference-photo").build(citizen.iin))
                .entity(view(citizen)).build());
    }

    @GET
    @Path("/personas")
    @Operation(operationId = "listSandboxPersonas", summary = "Ready-made citizens", description = "One citizen for each path of the journey; their cards' expiry "
            + "dates move with today's date so each stays on its path.")
    @APIResponse(responseCode = "200", description = "One per path of the journey", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 50, implementation = Persona.class)))
    public Uni<List<Persona>> personas() {
        return sandbox.personas().map(all -> all.stream()
                .map(c -> new Persona(c.iin, c.phone, c.persona, c.purpose, c.lastName, c.firstName, c.expiresOn(clock)))
                .toList());
    }

    @GET
    @Path("/sms")
    @Operation(operationId = "listSandboxSms", summary = "What was sent to a phone", description = "Newest first, at most 50. A login code is the only 6-digit number in its text.")
    @APIResponse(responseCode = "200", description = "Newest first, at most 50", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 50, implementation = Sms.class)))
    public Uni<List<Sms>> sms(
            @Parameter(required = true, example = "+77010000001", description = "E.164. Written unescaped in a URL, the `+` "
                    + "arrives as a space: that is taken as the `+` it was meant to be",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 16, pattern = Phones.E164)) @QueryParam("phone") String phone) {
        String meant = plusFromQuery(phone);
        if (meant == null || !meant.matches(Phones.E164)) {
            throw new kz.egov.idcard.common.error.ValidationProblem(List.of(new kz.egov.idcard.common.error.FieldError(
                    "phone", phone == null ? "REQUIRED" : "INVALID_PHONE", null, kz.egov.idcard.common.error.FieldError.echo(phone), null)));
        }
        return sandbox.sms(meant).map(all -> all.stream()
                .map(s -> new Sms(s.phone, s.text, Times.local(s.sentAt))).toList());
    }

    @GET
    @Path("/push")
    @Operation(operationId = "listSandboxPushes", summary = "What was pushed to a citizen's app", description = "Newest first, at most 50.")
    @APIResponse(responseCode = "200", description = "Newest first, at most 50", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 50, implementation = SandboxService.Push.class)))
    public Uni<List<SandboxService.Push>> push(
            @Parameter(required = true, example = "900101300017",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 12, pattern = "^[0-9]{12}$")) @QueryParam("iin") @NotNull @kz.egov.idcard.citizen.ValidIin String iin) {
        return sandbox.pushes(iin);
    }

    @GET
    @Path("/citizens/{iin}/reference-photo")
    @Produces({"image/png", "image/jpeg", "application/problem+json"})
    @Operation(operationId = "getSandboxReferencePhoto", summary = "The registry's photo of a citizen", description = "Send it back as the selfie to pass the face match.")
    @APIResponse(responseCode = "200", description = "The image",
            // At most what POST /sandbox/citizens takes (3 000 000 base64 characters); generated portraits are far smaller.
            content = {@Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 2_250_000)),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 2_250_000))})
    public Uni<Response> referencePhoto(
            @PathParam("iin") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 12, pattern = "^[0-9]{12}$")) String iin) {
        if (!Iin.isValid(iin)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.CITIZEN_NOT_FOUND));
        }
        return sandbox.citizen(iin).map(found -> found
                .map(c -> Response.ok(c.photo, c.photoContentType).build())
                .orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND)));
    }

    @POST
    @Path("/payments/{invoiceId}/pay")
    @Operation(operationId = "paySandboxInvoice", summary = "Pay an invoice as a bank would", description = "Makes the gateway's signed notice for the invoice "
            + "amount, or for `amount` when given (to try a wrong amount), and delivers it to the notice endpoint's handler. "
            + "A retry with the same Idempotency-Key is the bank's retry of the same payment (the same `paymentId`): it "
            + "takes effect once, and the retry's outcome is DUPLICATE.")
    public Uni<SandboxPayments.Delivered> pay(
            @PathParam("invoiceId") @Parameter(description = "The invoice's id", schema = @Schema(implementation = UUID.class)) String invoiceId, @Valid PayRequest body,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Any unique string up to 128 "
                    + "characters [A-Za-z0-9._:-]; the same key is the same payment", example = "pay-1",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 128,
                            pattern = "^[A-Za-z0-9._:-]{1,128}$"))
            @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey) {
        kz.egov.idcard.common.idempotency.IdempotencyService.requireValid(idempotencyKey);
        UUID id;
        try {
            id = UUID.fromString(invoiceId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INVOICE_NOT_FOUND));
        }
        return payments.pay(id, body == null ? null : body.amount(), idempotencyKey);
    }

    @GET
    @Path("/refunds")
    @Operation(operationId = "listSandboxRefunds", summary = "What the sandbox bank was asked to refund for an invoice",
            description = "Oldest first. A paid application that is cancelled, or not confirmed in time, and money that arrives "
                    + "after its application ended, are refunded by themselves; the refund reaches the bank within "
                    + "idcard.payments.refund-check-every.")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100, implementation = SandboxPayments.RefundAsked.class)))
    public Uni<List<SandboxPayments.RefundAsked>> refunds(
            @Parameter(required = true, description = "The invoice's id", schema = @Schema(implementation = UUID.class))
            @QueryParam("invoiceId") String invoiceId) {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw kz.egov.idcard.common.error.ValidationProblem.of("invoiceId", "REQUIRED");
        }
        UUID id;
        try {
            id = UUID.fromString(invoiceId.strip());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INVOICE_NOT_FOUND));
        }
        return payments.refunds(id);
    }

    @POST
    @Path("/operator-token")
    @Operation(operationId = "createSandboxOperatorToken", summary = "A token for an operator of a registration point or a Public "
            + "Service Center", description = "Signed as the operators' identity provider would (issuer idcard.operators.issuer, role "
            + "operator, claim point_id); 8 hours. `pointId` names a registration point (AST-01: its applications) or a centre "
            + "(TSON-AST-01: the visits booked there).")
    public Uni<OperatorToken> operatorToken(@Valid @jakarta.validation.constraints.NotNull OperatorTokenRequest body) {
        return sandbox.operatorToken(body.pointId()).map(OperatorToken::new);
    }

    @POST
    @Path("/admin-token")
    @Operation(operationId = "createSandboxAdminToken", summary = "A token for the people who run the service",
            description = "Signed as the operators' identity provider would (issuer idcard.operators.issuer, role admin); 8 hours. "
                    + "It publishes reference data under /api/v1/admin: the MRP of a year, working-day calendars.")
    public OperatorToken adminToken(@Valid @jakarta.validation.constraints.NotNull AdminTokenRequest body) {
        return new OperatorToken(sandbox.adminToken());
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "SandboxAdminTokenRequest", description = "Nothing to say: send {}", additionalProperties = Schema.False.class)
    public record AdminTokenRequest() {
    }

    @POST
    @Path("/eds/certificates")
    @Operation(operationId = "createSandboxEdsCertificate", summary = "A test EDS key and certificate for an IIN", description = "Issued by the sandbox's own test CA, "
            + "which only the sandbox trusts: sign the challenge's UTF-8 bytes into a CMS SignedData with them.")
    public Uni<SandboxCa.Issued> edsCertificate(@Valid @jakarta.validation.constraints.NotNull EdsCertificateRequest body) {
        return kz.egov.idcard.common.Blocking.onWorker(() -> ca.issue(body.iin(), "TEST " + body.iin()));
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "SandboxEdsCertificateRequest")
    public record EdsCertificateRequest(
            @jakarta.validation.constraints.NotNull @kz.egov.idcard.citizen.ValidIin
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", required = true, example = "900101300017")
            String iin) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "SandboxOperatorTokenRequest")
    public record OperatorTokenRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 32)
            @Schema(pattern = "\\S", required = true, example = "AST-01") String pointId) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "SandboxOperatorToken")
    public record OperatorToken(@Schema(maxLength = 4096, pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", example = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5lZ292Lmt6L29wZXJhdG9ycyJ9.sig") String accessToken) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "SandboxPayRequest")
    public record PayRequest(
            @jakarta.validation.constraints.DecimalMin(value = "0.01") @jakarta.validation.constraints.Digits(integer = 12, fraction = 2)
            @Schema(description = "Pay this amount instead of the invoice's", example = "100.00") java.math.BigDecimal amount) {
    }

    /** {@code ?phone=+7701...} typed into a browser or curl unescaped arrives as {@code " 7701..."}: the space was a plus. */
    static String plusFromQuery(String phone) {
        return phone != null && phone.length() > 1 && phone.charAt(0) == ' ' && Character.isDigit(phone.charAt(1))
                ? "+" + phone.substring(1) : phone;
    }

    private CitizenView view(SandboxCitizen c) {
        return new CitizenView(c.iin, c.phone, c.lastName, c.firstName, c.middleName, c.birthDate,
                new IdCard(c.cardNumber, c.issuedOn(clock), c.expiresOn(clock)), c.regionCode);
    }
}
