package kz.egov.idcard.common.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        // The description is the start-here guide (openapi/guide.md), set by OperationExamplesFilter.
        info = @Info(title = "ID card replacement API", version = "1.0.0",
                contact = @Contact(name = "eGov ID card replacement service")),
        // Relative: the document is served by the service it describes, so "try it out" calls that very service.
        servers = @Server(url = "/", description = "This service, wherever it runs: local, sandbox or production",
                extensions = @Extension(name = "x-internal", value = "false", parseValue = true)),
        // In the order of the journey; Swagger UI shows them so.
        tags = {
                @Tag(name = "Digital ID login", description = "IIN + phone checked in the mobile citizens database, an SMS code, "
                        + "then tokens: the accessToken is what Authorize takes"),
                @Tag(name = "Citizen", description = "The logged-in citizen as the registries know them"),
                @Tag(name = "Devices", description = "Face ID / Touch ID keys of the citizen's phones, which confirm on mobile"),
                @Tag(name = "Applications", description = "The application and its steps, in the order its `nextStep` names "
                        + "them: BIOMETRICS, QUESTIONNAIRE, then PAYMENT and CONFIRMATION on mobile or SIGNATURE and PAYMENT on "
                        + "the web; then tracking until the card is handed over"),
                @Tag(name = "Reference data", description = "What the questionnaire offers: regions, registration points, tiers "
                        + "and their fees (no login needed)"),
                @Tag(name = "Public Service Center visits", description = "A citizen sent to a Public Service Center (ЦОН) "
                        + "books the visit: a centre's free slots, the booking with its number (by SMS too), cancellation"),
                @Tag(name = "Reminders", description = "Reminders that bring citizens back, each sent once by SMS and push: "
                        + "the day the online window opens (asked for), a draft about to expire, a visit tomorrow, a card not "
                        + "collected (by themselves)"),
                @Tag(name = "Payment gateway", description = "The bank's signed notices of payment, server to server"),
                @Tag(name = "Registration point", description = "Operators of a registration point move submitted applications "
                        + "until the card is handed over"),
                @Tag(name = "Public Service Center", description = "Operators of a Public Service Center (an operator token "
                        + "whose point_id is the centre) see the day's booked visits with the citizen's online data and mark them"),
                @Tag(name = "Administration", description = "For the people who run the service (role admin from the operators' "
                        + "identity provider; the sandbox profile mints such a token): reference data published while the "
                        + "service runs, every change audited"),
                @Tag(name = "Sandbox", description = "Only in the sandbox profile, for integrators: test citizens and personas, "
                        + "the SMS and push outboxes, the bank, a test phone and a test EDS that sign challenges, operator and "
                        + "admin tokens")
        })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The `accessToken` from POST /api/v1/auth/otp/{challengeId}/verify (a citizen), or an operator's token "
                + "from the operators' identity provider. Signed JWS checked as RFC8725 advises: only ES256 (ours) and RS256 "
                + "(the operators' provider) are accepted, never `none`; the key is picked by `kid` per trusted issuer; "
                + "issuer, audience and expiry (15 minutes for ours) are required.")
@SecurityScheme(securitySchemeName = "adminBearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An admin's token from the operators' identity provider (role `admin`), for /api/v1/admin only (the "
                + "sandbox profile mints one for testers). A citizen's or an operator's token is 403 there. Checked as RFC8725 "
                + "advises, like every token here: ES256 or RS256 only, the key by `kid`, issuer, audience and expiry required.")
@SecurityScheme(securitySchemeName = "paymentGatewaySignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Payment-Signature",
        description = "The payment gateway's notices only: hex HMAC-SHA256 of `<X-Payment-Timestamp>.<raw body>` under the "
                + "secret shared with the gateway; a stale timestamp is refused like a wrong signature.")
public class IdCardApi extends Application {
}
