package kz.egov.idcard.sandbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import kz.egov.idcard.citizen.IdCard;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.citizen.ValidIin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** Bodies of the sandbox endpoints. */
public final class SandboxDtos {

    private SandboxDtos() {
    }

    @RegisterForReflection
    @Schema(name = "SandboxCitizenRequest", description = "A test citizen. Leave out `iin` to get a valid one generated "
            + "from the birth date, and `referencePhoto` to get a generated portrait.")
    public record CreateCitizen(
            @ValidIin @Schema(maxLength = 12, pattern = "^[0-9]{12}$", description = "12-digit IIN; generated when absent", example = "870417300999") String iin,
            @NotNull @Pattern(regexp = Phones.E164, message = "{INVALID_PHONE}")
            @Schema(maxLength = 16, required = true, example = "+77051234567") String phone,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Жумабаев") String lastName,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Арман") String firstName,
            @Size(max = 100) @Pattern(regexp = FREE_TEXT) @Schema(pattern = FREE_TEXT, example = "Болатович") String middleName,
            @Past @Schema(description = "Taken from the IIN when absent, random when neither is given", example = "1987-04-17")
            LocalDate birthDate,
            @NotNull @Valid @Schema(required = true) CardInput idCard,
            @Size(max = 32) @Schema(pattern = "^[A-Z_]+$", description = "Region of registration (GET /regions); ASTANA when absent", example = "KARAGANDA")
            String region,
            @Size(max = 3_000_000) @Schema(format = "byte", description = "Base64 JPEG or PNG; a generated portrait when absent",
                    example = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")
            String referencePhoto) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxCardInput")
    public record CardInput(
            @NotNull @Schema(required = true, example = "2026-12-15") LocalDate expiresOn,
            @Schema(description = "Ten years before expiry when absent", example = "2016-12-15") LocalDate issuedOn,
            @Pattern(regexp = "^[0-9]{9}$", message = "{INVALID_CARD_NUMBER}")
            @Schema(maxLength = 9, description = "Nine digits; generated when absent", example = "048123456") String number) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxCitizen")
    public record CitizenView(
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "870417300999") String iin,
            @Schema(maxLength = 16, pattern = Phones.E164, example = "+77051234567") String phone,
            @Schema(maxLength = 100, pattern = "\\S", example = "Жумабаев") String lastName,
            @Schema(maxLength = 100, pattern = "\\S", example = "Арман") String firstName,
            @Schema(maxLength = 100, pattern = FREE_TEXT, example = "Болатович") String middleName,
            @Schema(example = "1987-04-17") LocalDate birthDate,
            IdCard idCard,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "KARAGANDA") String region) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxPersona", description = "A ready-made citizen for one path of the journey.")
    public record Persona(
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "900101300017") String iin,
            @Schema(maxLength = 16, pattern = Phones.E164, example = "+77010000001") String phone,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "ELIGIBLE") String persona,
            @Schema(maxLength = 500, pattern = FREE_TEXT, example = "Card expires in 10 days: inside the window, walk the whole journey.") String purpose,
            @Schema(maxLength = 100, pattern = "\\S", example = "Абенов") String lastName,
            @Schema(maxLength = 100, pattern = "\\S", example = "Нурлан") String firstName,
            @Schema(example = "2026-12-08") LocalDate cardExpiresOn) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxSms")
    public record Sms(
            @Schema(maxLength = 16, pattern = Phones.E164, example = "+77010000001") String phone,
            @Schema(maxLength = 1000, pattern = FREE_TEXT, example = "eGov: код для входа 123456. Никому его не сообщайте. Код действует 5 мин.") String text,
            @Schema(example = "2026-11-28T10:00:00+05:00") OffsetDateTime sentAt) {
    }
}
