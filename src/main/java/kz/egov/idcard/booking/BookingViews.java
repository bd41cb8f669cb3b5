package kz.egov.idcard.booking;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationStatus;
import kz.egov.idcard.application.Channel;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.points.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** What the API shows of slots and booked visits. */
public final class BookingViews {

    static final String NUMBER = "^[0-9]{3}-[0-9]{4}$";

    private BookingViews() {
    }

    @RegisterForReflection
    @Schema(name = "Slot", description = "A reception slot of a Public Service Center")
    public record SlotView(
            @Schema(description = "When the visit starts (Asia/Almaty offset)", example = "2026-12-14T10:20:00+05:00") OffsetDateTime start,
            @Schema(example = "2026-12-14T10:40:00+05:00") OffsetDateTime end,
            @Schema(minimum = "1", maximum = "100", description = "Citizens the slot takes", example = "2") int capacity,
            @Schema(minimum = "0", maximum = "100", description = "Places still free; 0 is a full slot", example = "1") int free) {
    }

    @RegisterForReflection
    @Schema(name = "Booking", description = "A visit to a Public Service Center booked online")
    public record BookingView(
            @Schema(example = "5b1f7c2e-8d4a-4f0e-9a61-3c2d7e8f9a01") UUID id,
            @Schema(maxLength = 8, pattern = NUMBER, description = "Short, to say at the centre", example = "482-7315") String number,
            @Schema(maxLength = 32, pattern = "\\S", example = "TSON-AST-01") String tsonId,
            @Schema(example = "2026-12-14T10:20:00+05:00") OffsetDateTime start,
            @Schema(example = "2026-12-14T10:40:00+05:00") OffsetDateTime end,
            @Schema(example = "BOOKED") BookingStatus status,
            @Schema(description = "The citizen's application the centre sees, when one was attached",
                    example = "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10") UUID applicationId) {

        static BookingView of(Booking booking) {
            return new BookingView(booking.id, booking.number, booking.tsonId, Times.local(booking.slotStart),
                    Times.local(booking.slotEnd), booking.status, booking.applicationId);
        }
    }

    @RegisterForReflection
    @Schema(name = "CentreVisit", description = "A visit booked at the operator's Public Service Center, with what the citizen "
            + "already did online")
    public record VisitView(
            @Schema(example = "5b1f7c2e-8d4a-4f0e-9a61-3c2d7e8f9a01") UUID id,
            @Schema(maxLength = 8, pattern = NUMBER, example = "482-7315") String number,
            @Schema(example = "2026-12-14T10:20:00+05:00") OffsetDateTime start,
            @Schema(example = "2026-12-14T10:40:00+05:00") OffsetDateTime end,
            @Schema(example = "BOOKED") BookingStatus status,
            VisitorView citizen,
            @Schema(description = "Present when the citizen attached an application") AttachedApplication application) {

        static VisitView of(Booking booking, AttachedApplication application) {
            return new VisitView(booking.id, booking.number, Times.local(booking.slotStart), Times.local(booking.slotEnd),
                    booking.status, new VisitorView(booking.citizenIin, booking.citizenName, booking.phone), application);
        }
    }

    @RegisterForReflection
    @Schema(name = "CentreVisitor")
    public record VisitorView(
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "900101300017") String iin,
            @Schema(maxLength = 300, pattern = FREE_TEXT, description = "As the ID document registry knows them",
                    example = "Тестов Тест") String name,
            @Schema(maxLength = 16, pattern = Phones.E164, description = "The phone they logged in with", example = "+77010000001") String phone) {
    }

    @RegisterForReflection
    @Schema(name = "CentreVisitApplication", description = "The online application the citizen attached: the centre goes on "
            + "from it instead of starting again")
    public record AttachedApplication(
            @Schema(example = "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10") UUID id,
            @Schema(example = "REDIRECTED_TO_TSON") ApplicationStatus status,
            @Schema(example = "MOBILE") Channel channel,
            @Schema(maxLength = 16, pattern = "^[0-9A-Z]+$", description = "The card being replaced", example = "047512398") String cardNumber,
            @Schema(example = "2026-12-20") LocalDate cardExpiresOn,
            @Schema(maxItems = 4, example = "[]") List<Step> completedSteps,
            @Schema(maxLength = 64, pattern = "^[A-Z_]+$", description = "Why the citizen was sent to a centre",
                    example = "BIOMETRIC_NO_MATCH") String redirectReason,
            @Schema(maxLength = 500, description = "The reason as the citizen was told it, in the operator's language",
                    example = "We could not confirm your identity from the photo.") String redirectMessage,
            @Schema(description = "The questionnaire's answers, when given") Answers questionnaire) {

        static AttachedApplication of(Application application, String redirectMessage) {
            boolean redirected = application.status == ApplicationStatus.REDIRECTED_TO_TSON;
            Answers answers = application.personalDataConfirmed || application.pickupPointId != null
                    ? new Answers(application.personalDataConfirmed, application.contactPhone, application.email, application.address,
                            application.pickupPointId, application.tier)
                    : null;
            return new AttachedApplication(application.id, application.status, application.channel, application.cardNumber,
                    application.cardExpiresOn, application.completed(), redirected ? application.statusReason : null,
                    redirected ? redirectMessage : null, answers);
        }
    }

    @RegisterForReflection
    @Schema(name = "CentreVisitQuestionnaire")
    public record Answers(
            @Schema(example = "true") boolean personalDataConfirmed,
            @Schema(maxLength = 16, pattern = Phones.E164, example = "+77010000001") String contactPhone,
            @Schema(maxLength = 254, example = "citizen@example.kz") String email,
            @Schema(maxLength = 300, pattern = FREE_TEXT, example = "Астана, ул. Сауран, 3/1, кв. 7") String address,
            @Schema(maxLength = 32, pattern = "\\S", example = "AST-01") String pickupPointId,
            @Schema(example = "STANDARD") Tier tier) {
    }
}
