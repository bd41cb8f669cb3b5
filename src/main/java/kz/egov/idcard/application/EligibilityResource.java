package kz.egov.idcard.application;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Locale;
import kz.egov.idcard.common.i18n.Messages;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.common.security.Roles;

@Path("/services/id-card-replacement/eligibility")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    private final EligibilityService eligibility;
    private final Messages messages;
    private final JsonWebToken jwt;

    public EligibilityResource(EligibilityService eligibility, Messages messages, JsonWebToken jwt) {
        this.eligibility = eligibility;
        this.messages = messages;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "getEligibility", summary = "May the caller replace their card online today?", description = "From the current card in the "
            + "document registry: the window runs from 30 days before expiry to 10 days after it, both ends inclusive, "
            + "in local dates. Outside it the answer says why, gives the window's dates and points to a Public Service Center.")
    public Uni<Eligibility> eligibility(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = messages.resolve(acceptLanguage);
        return eligibility.check(jwt.getSubject()).map(checked -> {
            EligibilityWindow.Verdict v = checked.verdict();
            return new Eligibility(v.eligible(), v.reason(), v.expiresOn(), v.opensOn(), v.closesOn(),
                    messages.get(locale, "eligibility." + v.reason().name(), v.opensOn(), v.closesOn(), v.expiresOn()));
        });
    }

    @RegisterForReflection
    @Schema(name = "Eligibility")
    public record Eligibility(
            @Schema(example = "true") boolean eligible,
            @Schema(example = "ELIGIBLE") EligibilityWindow.Reason reason,
            @Schema(description = "Expiry of the current card", example = "2026-12-08") LocalDate expiresOn,
            @Schema(example = "2026-11-08") LocalDate windowOpensOn,
            @Schema(example = "2026-12-18") LocalDate windowClosesOn,
            @Schema(maxLength = 1000, pattern = FREE_TEXT, description = "Localised explanation", example = "Вы можете заменить удостоверение онлайн до 18.12.2026.")
            String message) {
    }
}
