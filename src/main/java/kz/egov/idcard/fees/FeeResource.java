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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "quoteFee", summary = "What a tier costs and when the card is ready, or which tier to take",
            description = "With `tier`: the fee of the tier on the date (the MRP of that year applies to the state duty; "
                    + "409 FEE_NOT_PUBLISHED when it is not published yet) and the ready-on date: the tier's number of working "
                    + "days after the date, by Kazakhstan's calendar. With `pointId`, the point must offer the tier.\n\n"
                    + "Without `tier` (then `pointId` is required): every tier with its fee and ready-on date, whether the point "
                    + "offers it, and the `recommended` one: the cheapest available tier whose card is ready on or before "
                    + "`neededBy` (any, without `neededBy`), or null with the `reason` when none is.")
    @APIResponse(responseCode = "200", description = "With `tier`: a FeeQuote. Without: a TierAdvice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    // Its examples are in openapi/examples/reference.yaml, with the operation's others.
                    schema = @Schema(oneOf = {FeeQuote.class, TierAdvice.class})))
    public Uni<Object> quote(
            @Parameter(description = "The tier to quote; without it, every tier of `pointId` and a recommendation",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"STANDARD", "EXPEDITED", "URGENT"}),
                    example = "STANDARD") @QueryParam("tier") String tier,
            @Parameter(description = "Registration point id", example = "AST-01",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = "\\S")) @QueryParam("pointId") String pointId,
            @Parameter(description = "Local date (Asia/Almaty); today when absent", example = "2026-03-20",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            @QueryParam("date") String date,
            @Parameter(description = "Without `tier`: the day the card is needed by; the recommendation is the cheapest tier ready "
                    + "on or before it", example = "2026-03-31", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            @QueryParam("neededBy") String neededBy,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        List<FieldError> errors = new ArrayList<>();
        boolean advice = (tier == null || tier.isBlank()) && pointId != null;
        Tier parsedTier = advice ? null : parseTier(tier, errors);
        LocalDate parsedDate = parseDate("date", date, errors);
        LocalDate parsedNeededBy = neededBy == null ? null : parseDate("neededBy", neededBy, errors);
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        Locale locale = messages.resolve(acceptLanguage);
        if (advice) {
            return points.point(pointId).chain(point -> {
                if (point == null || !point.active) {
                    throw new ApiException(ErrorCode.REGISTRATION_POINT_NOT_FOUND, pointId);
                }
                return fees.advise(point.offeredTiers(), parsedDate, parsedNeededBy);
            }).map(found -> TierAdvice.of(pointId, parsedDate, parsedNeededBy, found));
        }
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

    @RegisterForReflection
    @Schema(name = "TierAdvice", description = "Every tier at the point, and the one the calculator recommends",
            additionalProperties = Schema.False.class, requiredProperties = {"pointId", "date", "quotes"})
    public record TierAdvice(
            @Schema(maxLength = 32, pattern = "\\S", example = "AST-01") String pointId,
            @Schema(description = "The date the quotes are for", example = "2026-03-20") LocalDate date,
            @Schema(description = "The day the card is needed by, when given", example = "2026-03-31") LocalDate neededBy,
            @Schema(maxItems = 3) List<TierQuote> quotes,
            @Schema(description = "The cheapest available tier ready by `neededBy`; absent when none is (see `reason`)",
                    example = "EXPEDITED") Tier recommended,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", enumeration = {"NO_TIER_READY_IN_TIME", "NO_TIER_AVAILABLE"},
                    description = "Why nothing is recommended", example = "NO_TIER_READY_IN_TIME") String reason) {

        static TierAdvice of(String pointId, LocalDate date, LocalDate neededBy, FeeService.Advice advice) {
            return new TierAdvice(pointId, date, neededBy, advice.options().stream().map(TierQuote::of).toList(),
                    advice.recommended(), advice.noRecommendationBecause());
        }
    }

    @RegisterForReflection
    @Schema(name = "TierQuote", description = "One tier at the point")
    public record TierQuote(
            @Schema(example = "EXPEDITED") Tier tier,
            @Schema(description = "The point offers it and its fee is published", example = "true") boolean available,
            @Schema(minimum = "0", maximum = "999999999999.99", multipleOf = 0.01, description = "KZT, exact; absent when the fee "
                    + "is not published", example = "1771.00") BigDecimal amount,
            @Schema(enumeration = {"KZT"}, example = "KZT") String currency,
            @Schema(example = "2026-03-30") LocalDate readyOn,
            @Schema(description = "The ready-on date is an estimate (a year's official calendar is not published)", example = "false")
            boolean readyOnEstimated,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", enumeration = {"TIER_NOT_OFFERED", "FEE_NOT_PUBLISHED"},
                    description = "Why it is not available", example = "TIER_NOT_OFFERED") String reason) {

        static TierQuote of(FeeService.TierOption option) {
            return new TierQuote(option.tier(), option.available(), option.fee() == null ? null : option.fee().amount(), "KZT",
                    option.readyOn().date(), option.readyOn().estimated(), option.unavailableBecause());
        }
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

    private LocalDate parseDate(String field, String date, List<FieldError> errors) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            LocalDate parsed = LocalDate.parse(date);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
                errors.add(new FieldError(field, "INVALID_DATE", null));
            }
            return parsed;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "INVALID_DATE", null));
            return null;
        }
    }

    @RegisterForReflection
    @Schema(name = "FeeQuote", additionalProperties = Schema.False.class,
            requiredProperties = {"tier", "amount", "currency", "workingDays", "date", "readyOn", "basis"})
    public record FeeQuote(
            @Schema(example = "STANDARD") Tier tier,
            @Schema(minimum = "0", maximum = "999999999999.99", multipleOf = 0.01, description = "KZT, exact, at most two decimals", example = "865.00") BigDecimal amount,
            @Schema(enumeration = {"KZT"}, example = "KZT") String currency,
            @Schema(minimum = "0", maximum = "366", format = "int32", example = "15") int workingDays,
            @Schema(description = "The date the quote is for", example = "2026-03-20") LocalDate date,
            @Schema(description = "The tier's working days after `date`", example = "2026-04-14") LocalDate readyOn,
            @Schema(description = "True when `readyOn` counts through a year whose official working-day calendar is not "
                    + "published yet: an estimate by the statutory holidays", example = "false") boolean readyOnEstimated,
            @Schema(maxLength = 200, pattern = FREE_TEXT, description = "What the amount rests on", example = "0.2 MRP of 2026 (MRP = 4325 KZT)") String basis) {

        static FeeQuote of(FeeService.Quote quote, Messages messages, Locale locale) {
            FeeSchedule.Fee fee = quote.fee();
            String basis = fee.isMrpBased()
                    ? messages.get(locale, "fee.basis.mrp", fee.mrpShare().stripTrailingZeros().toPlainString(),
                            String.valueOf(fee.mrpYear()), fee.mrp().stripTrailingZeros().toPlainString())
                    : messages.get(locale, "fee.basis.fixed", fee.tier().name());
            return new FeeQuote(fee.tier(), fee.amount(), "KZT", fee.workingDays(), quote.date(), quote.readyOn(), quote.readyOnEstimated(),
                    basis);
        }
    }
}
