package kz.egov.idcard.application;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.points.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.citizen.Phones;

/** What the API shows of an application. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    @RegisterForReflection
    @Schema(name = "Application")
    public record ApplicationView(
            @Schema(example = "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10") UUID id,
            @Schema(example = "DRAFT") ApplicationStatus status,
            @Schema(example = "MOBILE") Channel channel,
            @Schema(maxItems = 5, example = "[\"BIOMETRICS\"]") List<Step> completedSteps,
            @Schema(description = "The step due now; absent once the draft is over", example = "QUESTIONNAIRE") Step nextStep,
            @Schema(maxLength = 500, pattern = FREE_TEXT, description = "Why the application ended where it did", example = "Cancelled by the citizen") String statusReason,
            @Schema(example = "2026-11-28T10:00:00+05:00") OffsetDateTime createdAt,
            @Schema(example = "2026-11-28T10:05:00+05:00") OffsetDateTime updatedAt,
            @Schema(description = "A draft untouched until then expires", example = "2026-11-29T10:05:00+05:00")
            OffsetDateTime draftExpiresAt,
            @Schema(example = "2026-11-28T10:20:00+05:00") OffsetDateTime submittedAt,
            @Schema(description = "When the card is ready at the pickup point, once submitted", example = "2026-12-18")
            LocalDate readyOn,
            @Schema(description = "Once submitted: true while the ready-on date is an estimate by the statutory calendar "
                    + "(the official calendar of a year it counts through is not published yet); it is recomputed when it is",
                    example = "false") Boolean readyOnEstimated,
            @Schema(maxLength = 16, pattern = "^[0-9A-Z]+$", description = "The current card being replaced", example = "047512398") String cardNumber,
            QuestionnaireView questionnaire,
            @Schema(description = "Present when the application was redirected to a Public Service Center")
            TsonRedirect redirect,
            List<HistoryEntry> history) {

        static ApplicationView of(Application a, List<ApplicationEvent> events, Duration draftTtl, TsonRedirect redirect) {
            return new ApplicationView(a.id, a.status, a.channel, a.completed(), a.nextStep().orElse(null), a.statusReason,
                    Times.local(a.createdAt), Times.local(a.updatedAt),
                    a.status == ApplicationStatus.DRAFT ? Times.local(a.updatedAt.plus(draftTtl)) : null,
                    Times.local(a.submittedAt), a.readyOn, a.readyOn == null ? null : a.readyOnEstimated, a.cardNumber,
                    a.questionnaireFilled() ? QuestionnaireView.of(a) : null,
                    redirect,
                    events.stream().filter(e -> e.applicationId.equals(a.id)).map(HistoryEntry::of).toList());
        }
    }

    @RegisterForReflection
    @Schema(name = "TsonRedirect", description = "Why the online route ended and where to go instead: never a refusal (docs/product.md R6).")
    public record TsonRedirect(
            @Schema(maxLength = 64, pattern = "^[A-Z_]+$", example = "BIOMETRIC_NO_MATCH") String reason,
            @Schema(maxLength = 1000, pattern = FREE_TEXT, example = "Не удалось подтвердить личность по фото. Обратитесь в ЦОН вашего региона с удостоверением личности: "
                    + "замену оформят там.") String message,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "KARAGANDA") String region,
            @Schema(maxItems = 100) List<kz.egov.idcard.points.PointViews.CenterView> centers) {
    }

    @RegisterForReflection
    @Schema(name = "QuestionnaireAnswers")
    public record QuestionnaireView(
            @Schema(example = "true") boolean personalDataConfirmed,
            @Schema(maxLength = 16, pattern = Phones.E164, example = "+77010000001") String contactPhone,
            @Schema(maxLength = 254, format = "email", example = "nurlan.abenov@example.kz") String email,
            @Schema(maxLength = 300, pattern = FREE_TEXT, example = "Астана, ул. Кенесары, 40, кв. 12") String address,
            @Schema(maxLength = 32, pattern = "\\S", example = "AST-01") String pickupPointId,
            @Schema(example = "STANDARD") Tier tier) {

        static QuestionnaireView of(Application a) {
            return new QuestionnaireView(a.personalDataConfirmed, a.contactPhone, a.email, a.address, a.pickupPointId, a.tier);
        }
    }

    @RegisterForReflection
    @Schema(name = "ApplicationHistoryEntry", description = "A status change, or a step completed inside DRAFT")
    public record HistoryEntry(
            @Schema(example = "2026-11-28T10:00:00+05:00") OffsetDateTime at,
            @Schema(maxLength = 64, pattern = "\\S", description = "citizen:<IIN>, operator:<id>, payment-gateway or system", example = "citizen:900101300017") String actor,
            @Schema(example = "DRAFT") ApplicationStatus fromStatus,
            @Schema(example = "DRAFT") ApplicationStatus toStatus,
            @Schema(example = "QUESTIONNAIRE") Step step,
            @Schema(maxLength = 500, pattern = FREE_TEXT, example = "Questionnaire filled in") String reason) {

        static HistoryEntry of(ApplicationEvent e) {
            return new HistoryEntry(Times.local(e.occurredAt), e.actor, e.fromStatus, e.toStatus, e.step, e.reason);
        }
    }
}
