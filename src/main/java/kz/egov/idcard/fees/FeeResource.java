package kz.egov.idcard.fees;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.FieldError;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.points.PointsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.points.Tier;

@Path("/fees")
@Tag(name = "Reference data")
@PermitAll
@SecurityRequirementsSet
@Produces(MediaType.APPLICATION_JSON)
public class FeeResource {

    private final FeeService fees;
    private final PointsService points;
    private final Messages messages;
    private final Clock clock;

    public FeeResource(FeeService fees, PointsService points, Messages messages, Clock clock) {
        this.fees = fees;
        this.points = points;
        this.messages = messages;
        this.clock = clock;
    }

    @GET
    @Path("/quote")
    @Operation(operationId = "quoteFee", summary = "What a tier costs and when the card is ready",
            description = "The fee of the tier on the date (the MRP of that year applies to the state duty) and the "
                    + "ready-on date: the tier's number of working days after the date, by Kazakhstan's calendar. With "
                    + "`pointId`, the point must offer the tier.")
    public Uni<FeeQuote> quote(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, enumeration = {"STANDARD", "EXPEDITED", "URGENT"}),
                    example = "STANDARD") @QueryParam("tier") String tier,
            @Parameter(description = "Registration point id", example = "AST-01",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = "\\S")) @QueryParam("pointId") String pointId,
            @Parameter(description = "Local date (Asia/Almaty); today when absent", example = "2026-03-20",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            @QueryParam("date") String date,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        List<FieldError> errors = new ArrayList<>();
        Tier parsedTier = parseTier(tier, errors);
        LocalDate parsedDate = parseDate(date, errors);
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        Locale locale = messages.resolve(acceptLanguage);
        Uni<Void> offered = pointId == null ? Uni.createFrom().voidItem() : points.point(pointId).map(point -> {
            if (point == null || !point.active) {
                throw new ApiException(ErrorCode.REGISTRATION_POINT_NOT_FOUND, pointId);
            }
            if (!point.offeredTiers().contains(parsedTier)) {
                throw new ApiException(ErrorCode.TIER_NOT_OFFERED, parsedTier, pointId).with("offeredTiers", point.offeredTiers());
            }
            return null;
        });
        return offered.chain(() -> fees.quote(parsedTier, parsedDate)).map(quote -> FeeQuote.of(quote, messages, locale));
    }

    static Tier parseTier(String tier, List<FieldError> errors) {
        if (tier == null || tier.isBlank()) {
            errors.add(new FieldError("tier", "REQUIRED", null));
            return null;
        }
        try {
            return Tier.valueOf(tier);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("tier", "UNKNOWN_TIER", null));
            return null;
        }
    }

    private LocalDate parseDate(String date, List<FieldError> errors) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            LocalDate parsed = LocalDate.parse(date);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
                errors.add(new FieldError("date", "INVALID_DATE", null));
            }
            return parsed;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date", "INVALID_DATE", null));
            return null;
        }
    }

    @RegisterForReflection
    @Schema(name = "FeeQuote")
    public record FeeQuote(
            @Schema(example = "STANDARD") Tier tier,
            @Schema(minimum = "0", maximum = "999999999999.99", multipleOf = 0.01, description = "KZT, exact, at most two decimals", example = "865.00") BigDecimal amount,
            @Schema(enumeration = {"KZT"}, example = "KZT") String currency,
            @Schema(minimum = "0", maximum = "366", format = "int32", example = "15") int workingDays,
            @Schema(description = "The date the quote is for", example = "2026-03-20") LocalDate date,
            @Schema(description = "The tier's working days after `date`", example = "2026-04-14") LocalDate readyOn,
            @Schema(maxLength = 200, pattern = FREE_TEXT, description = "What the amount rests on", example = "0.2 MRP of 2026 (MRP = 4325 KZT)") String basis) {

        static FeeQuote of(FeeService.Quote quote, Messages messages, Locale locale) {
            FeeSchedule.Fee fee = quote.fee();
            String basis = fee.isMrpBased()
                    ? messages.get(locale, "fee.basis.mrp", fee.mrpShare().stripTrailingZeros().toPlainString(),
                            String.valueOf(fee.mrpYear()), fee.mrp().stripTrailingZeros().toPlainString())
                    : messages.get(locale, "fee.basis.fixed", fee.tier().name());
            return new FeeQuote(fee.tier(), fee.amount(), "KZT", fee.workingDays(), quote.date(), quote.readyOn(), basis);
        }
    }
}
