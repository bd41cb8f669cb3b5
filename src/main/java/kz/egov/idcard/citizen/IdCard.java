package kz.egov.idcard.citizen;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(description = "The citizen's current ID card as the document registry knows it.")
public record IdCard(
        @Schema(maxLength = 16, pattern = "\\S", example = "047512398") String number,
        @Schema(example = "2016-12-08") LocalDate issuedOn,
        @Schema(example = "2026-12-08") LocalDate expiresOn) {
}
