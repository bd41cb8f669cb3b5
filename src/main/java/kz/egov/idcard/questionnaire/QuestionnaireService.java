package kz.egov.idcard.questionnaire;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.citizen.IdCard;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.FieldError;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.points.Tier;
import kz.egov.idcard.application.QuestionnaireAnswers;
import kz.egov.idcard.signing.Signatures;
import kz.egov.idcard.points.PointsService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.application.ApplicationViews;
import kz.egov.idcard.application.ApplicationStatus;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.Step;

/** The questionnaire step: the registries' data to confirm, contacts, the pickup point and the tier. */
@ApplicationScoped
public class QuestionnaireService {

    @RegisterForReflection
    @Schema(name = "QuestionnairePrefill", description = "What the registries know, to confirm, and the answers given so far.")
    public record Prefill(
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "900101300017") String iin,
            @Schema(maxLength = 100, pattern = "\\S", example = "Абенов") String lastName,
            @Schema(maxLength = 100, pattern = "\\S", example = "Нурлан") String firstName,
            @Schema(maxLength = 100, pattern = FREE_TEXT, example = "Серикович") String middleName,
            @Schema(example = "1990-01-01") LocalDate birthDate,
            IdCard idCard,
            @Schema(description = "The answers given so far, or suggestions (the login phone as contact phone)")
            ApplicationViews.QuestionnaireView answers) {
    }

    /** The answers, checked for form by bean validation before they get here. */
    public record Answers(boolean personalDataConfirmed, String contactPhone, String email, String address,
            String pickupPointId, Tier tier) {
    }

    private final ApplicationService applications;
    private final IdDocumentRegistry documents;
    private final PointsService points;
    private final Signatures signatures;

    public QuestionnaireService(ApplicationService applications, IdDocumentRegistry documents, PointsService points,
            Signatures signatures) {
        this.signatures = signatures;
        this.applications = applications;
        this.documents = documents;
        this.points = points;
    }

    public Uni<Prefill> prefill(String iin, UUID id, String loginPhone) {
        return applications.get(iin, id, kz.egov.idcard.common.i18n.Messages.RUSSIAN).chain(view -> documents.findPerson(iin).map(found -> {
            PersonRecord person = found.orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND));
            ApplicationViews.QuestionnaireView answers = view.questionnaire() != null ? view.questionnaire()
                    : new ApplicationViews.QuestionnaireView(false, loginPhone, null, null, null, null);
            return new Prefill(person.iin(), person.lastName(), person.firstName(), person.middleName(), person.birthDate(),
                    person.idCard(), answers);
        }));
    }

    /**
     * Saves the answers. Due after BIOMETRICS; may be changed again until payment, and a change
     * undoes the steps after it (a signature no longer matches what was signed).
     */
    @WithTransaction
    public Uni<ApplicationView> save(String iin, UUID id, Answers answers) {
        return applications.owned(iin, id).chain(application -> {
            boolean editing = application.status == ApplicationStatus.DRAFT && application.hasCompleted(Step.QUESTIONNAIRE);
            if (editing && unchanged(application, answers)) {
                // The same answers again (a retry whose first answer was lost): nothing changes, nothing is undone.
                return applications.view(application);
            }
            if (editing && application.hasCompleted(Step.PAYMENT)) {
                throw new ApiException(ErrorCode.QUESTIONNAIRE_LOCKED);
            }
            if (!editing) {
                ApplicationService.requireNext(application, Step.QUESTIONNAIRE);
            }
            return points.point(answers.pickupPointId()).chain(point -> {
                List<FieldError> errors = new ArrayList<>();
                if (point == null || !point.active) {
                    errors.add(new FieldError("pickupPointId", point == null ? "UNKNOWN_POINT" : "POINT_INACTIVE", null));
                } else if (!point.offeredTiers().contains(answers.tier())) {
                    errors.add(new FieldError("tier", "TIER_NOT_OFFERED", null));
                }
                if (!errors.isEmpty()) {
                    throw new ValidationProblem(errors);
                }
                List<Step> undone = applications.answer(application, new QuestionnaireAnswers(answers.personalDataConfirmed(),
                        answers.contactPhone(), blankToNull(answers.email()), blankToNull(answers.address()), point.id,
                        answers.tier()));
                String reason = editing
                        ? "Questionnaire changed" + (undone.isEmpty() ? "" : "; to do again: " + undone)
                        : "Questionnaire filled in";
                Uni<Void> voided = undone.contains(Step.SIGNATURE) || undone.contains(Step.CONFIRMATION)
                        ? signatures.voidAll(application.id)
                        : Uni.createFrom().voidItem();
                return voided.chain(() -> applications.completeStep(application, Step.QUESTIONNAIRE,
                                ApplicationService.citizen(iin), reason))
                        .chain(applications::view);
            });
        });
    }

    private static boolean unchanged(Application application, Answers answers) {
        return application.personalDataConfirmed == answers.personalDataConfirmed()
                && java.util.Objects.equals(application.contactPhone, answers.contactPhone())
                && java.util.Objects.equals(application.email, blankToNull(answers.email()))
                && java.util.Objects.equals(application.address, blankToNull(answers.address()))
                && java.util.Objects.equals(application.pickupPointId, answers.pickupPointId())
                && application.tier == answers.tier();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
