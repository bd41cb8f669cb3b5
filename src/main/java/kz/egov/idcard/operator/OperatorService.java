package kz.egov.idcard.operator;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationStatus;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.points.Tier;
import kz.egov.idcard.notification.Notifications;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.citizen.Phones;

/**
 * What happens at the registration point after submission: production, readiness, hand-over, or
 * rejection with a reason. An operator sees and moves only the applications of their own point.
 */
@ApplicationScoped
public class OperatorService {

    /** The moves an operator may make, from each status. */
    static final Map<ApplicationStatus, Set<ApplicationStatus>> MOVES = Map.of(
            ApplicationStatus.SUBMITTED, Set.of(ApplicationStatus.IN_PRODUCTION, ApplicationStatus.REJECTED),
            ApplicationStatus.IN_PRODUCTION, Set.of(ApplicationStatus.READY_FOR_PICKUP, ApplicationStatus.REJECTED),
            ApplicationStatus.READY_FOR_PICKUP, Set.of(ApplicationStatus.ISSUED, ApplicationStatus.REJECTED));

    @RegisterForReflection
    @Schema(name = "OperatorApplication")
    public record OperatorView(
            @Schema(example = "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10") UUID id,
            @Schema(example = "SUBMITTED") ApplicationStatus status,
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "900101300017") String applicantIin,
            @Schema(maxLength = 16, pattern = "^[0-9A-Z]+$", description = "The card being replaced", example = "047512398") String cardNumber,
            @Schema(maxLength = 16, pattern = Phones.E164, example = "+77010000001") String contactPhone,
            @Schema(example = "STANDARD") Tier tier,
            @Schema(example = "2026-11-28T10:20:00+05:00") OffsetDateTime submittedAt,
            @Schema(example = "2026-12-18") LocalDate readyOn,
            @Schema(maxLength = 500, pattern = FREE_TEXT, example = "Photo does not meet the requirements") String statusReason) {

        static OperatorView of(Application a) {
            return new OperatorView(a.id, a.status, a.applicantIin, a.cardNumber, a.contactPhone, a.tier,
                    Times.local(a.submittedAt), a.readyOn, a.statusReason);
        }
    }

    private final ApplicationService applications;
    private final Notifications notifications;
    private final AuditLog audit;

    public OperatorService(ApplicationService applications, Notifications notifications, AuditLog audit) {
        this.applications = applications;
        this.notifications = notifications;
        this.audit = audit;
    }

    @WithSession
    public Uni<List<OperatorView>> list(String pointId, ApplicationStatus status) {
        return applications.atPoint(pointId, status).map(all -> all.stream().map(OperatorView::of).toList());
    }

    public Uni<OperatorView> move(String operator, String pointId, UUID id, ApplicationStatus to, String reason, ClientInfo client) {
        return Panache.withTransaction(() -> applications.lockAtPoint(id, pointId)
                .chain(application -> {
                    ApplicationStatus from = application.status;
                    if (!MOVES.getOrDefault(from, Set.of()).contains(to)) {
                        throw new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, from, to).with("applicationStatus", from.name());
                    }
                    if (to == ApplicationStatus.REJECTED && (reason == null || reason.isBlank())) {
                        throw kz.egov.idcard.common.error.ValidationProblem.of("reason", "REQUIRED");
                    }
                    String why = reason == null || reason.isBlank() ? "Moved by the registration point" : reason.strip();
                    return applications.moveTo(application, to, "operator:" + operator, why)
                            .call(moved -> notify(moved, to, why))
                            .call(moved -> audit.record(AuditType.OPERATOR_TRANSITION, operator, "application:" + id,
                                    to.name(), client, Map.of("from", from.name(), "point", pointId)))
                            .map(OperatorView::of);
                }));
    }

    private Uni<Void> notify(Application application, ApplicationStatus to, String reason) {
        if (to == ApplicationStatus.READY_FOR_PICKUP) {
            return notifications.enqueue("ready:" + application.id, application.contactPhone, application.applicantIin,
                    "READY_FOR_PICKUP", List.of(application.pickupPointId), application.language);
        }
        if (to == ApplicationStatus.REJECTED) {
            return notifications.enqueue("rejected:" + application.id, application.contactPhone, application.applicantIin,
                    "REJECTED", List.of(reason), application.language);
        }
        return Uni.createFrom().voidItem();
    }
}
