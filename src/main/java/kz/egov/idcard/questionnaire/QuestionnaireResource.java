package kz.egov.idcard.questionnaire;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationIds;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.points.Tier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** The QUESTIONNAIRE step: the registries' data to confirm, contacts, the pickup point and the tier. */
@Path("/applications/{id}/questionnaire")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    private final QuestionnaireService questionnaires;
    private final JsonWebToken jwt;

    public QuestionnaireResource(QuestionnaireService questionnaires, JsonWebToken jwt) {
        this.questionnaires = questionnaires;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "getQuestionnaire", summary = "The questionnaire, prefilled", description = "The registries' data to confirm and the answers so far.")
    public Uni<QuestionnaireService.Prefill> questionnaire(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id) {
        return questionnaires.prefill(jwt.getSubject(), ApplicationIds.parse(id), jwt.getClaim(Roles.PHONE_CLAIM));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fillQuestionnaire", summary = "Fill in the questionnaire", description = "Due after BIOMETRICS (409 STEP_OUT_OF_ORDER otherwise). "
            + "The pickup point must be active and offer the tier; every wrong field is named. It can be changed again "
            + "until payment; a change after signing means signing again.")
    public Uni<ApplicationView> fillQuestionnaire(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Valid @NotNull QuestionnaireRequest body) {
        return questionnaires.save(jwt.getSubject(), ApplicationIds.parse(id), new QuestionnaireService.Answers(
                body.personalDataConfirmed(), body.contactPhone(), body.email(), body.address(), body.pickupPointId(),
                Tier.valueOf(body.tier())));
    }

    @RegisterForReflection
    @Schema(name = "Questionnaire")
    public record QuestionnaireRequest(
            @NotNull @AssertTrue @Schema(required = true, description = "The citizen confirms the registries' data", example = "true")
            Boolean personalDataConfirmed,
            @NotNull @Pattern(regexp = Phones.E164, message = "{INVALID_PHONE}")
            @Schema(maxLength = 16, required = true, example = "+77010000001") String contactPhone,
            @Email @Size(max = 254) @Schema(format = "email", example = "nurlan.abenov@example.kz") String email,
            @Size(max = 300) @Pattern(regexp = FREE_TEXT) @Schema(pattern = FREE_TEXT, example = "Астана, ул. Кенесары, 40, кв. 12") String address,
            @NotBlank @Size(max = 32) @Schema(pattern = "\\S", required = true, example = "AST-01") String pickupPointId,
            @NotNull @Pattern(regexp = "STANDARD|EXPEDITED|URGENT", message = "{UNKNOWN_TIER}")
            @Schema(required = true, enumeration = {"STANDARD", "EXPEDITED", "URGENT"}, example = "STANDARD") String tier) {
    }
}
