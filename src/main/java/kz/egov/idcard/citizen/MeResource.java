package kz.egov.idcard.citizen;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.common.security.Roles;

@Path("/me")
@Tag(name = "Citizen")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final IdDocumentRegistry documents;
    private final JsonWebToken jwt;

    public MeResource(IdDocumentRegistry documents, JsonWebToken jwt) {
        this.documents = documents;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "getMe", summary = "Who is logged in", description = "Name, masked phone and the current ID card from the document registry.")
    public Uni<Me> me() {
        String iin = jwt.getSubject();
        String phone = jwt.getClaim(Roles.PHONE_CLAIM);
        return documents.findPerson(iin).map(found -> found
                .map(person -> new Me(person.iin(), person.lastName(), person.firstName(), person.middleName(),
                        person.birthDate(), Phones.mask(phone), person.idCard()))
                .orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND)));
    }

    @RegisterForReflection
    @Schema(name = "Me")
    public record Me(
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "900101300017") String iin,
            @Schema(maxLength = 100, pattern = "\\S", example = "Абенов") String lastName,
            @Schema(maxLength = 100, pattern = "\\S", example = "Нурлан") String firstName,
            @Schema(maxLength = 100, pattern = FREE_TEXT, example = "Серикович") String middleName,
            @Schema(example = "1990-01-01") LocalDate birthDate,
            @Schema(maxLength = 32, pattern = "^[+0-9 *]+$", example = "+7 701 *** ** 01") String maskedPhone,
            IdCard idCard) {
    }
}
