package kz.egov.idcard.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;

/** Whether a citizen may replace their card online today, from their current card in the document registry. */
@ApplicationScoped
public class EligibilityService {

    /** The verdict and the registry record it was made from. */
    public record Checked(EligibilityWindow.Verdict verdict, PersonRecord person) {
    }

    private final IdDocumentRegistry documents;
    private final EligibilityWindow window;
    private final Clock clock;

    public EligibilityService(IdDocumentRegistry documents, ApplicationsConfig config, Clock clock) {
        this.documents = documents;
        this.window = new EligibilityWindow(config.windowDaysBeforeExpiry(), config.windowDaysAfterExpiry());
        this.clock = clock;
    }

    public Uni<Checked> check(String iin) {
        return documents.findPerson(iin).map(found -> {
            PersonRecord person = found.orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND));
            LocalDate expiresOn = person.idCard() == null ? null : person.idCard().expiresOn();
            return new Checked(window.judge(expiresOn, LocalDate.now(clock)), person);
        });
    }

    /** The refusal a verdict means when the citizen tries to apply. */
    public static ApiException refusal(EligibilityWindow.Verdict verdict) {
        ErrorCode code = switch (verdict.reason()) {
            case TOO_EARLY -> ErrorCode.ELIGIBILITY_TOO_EARLY;
            case TOO_LATE -> ErrorCode.ELIGIBILITY_TOO_LATE;
            default -> ErrorCode.NO_CURRENT_ID_CARD;
        };
        ApiException refusal = new ApiException(code, verdict.opensOn(), verdict.closesOn());
        if (verdict.expiresOn() != null) {
            refusal.with("expiresOn", verdict.expiresOn().toString())
                    .with("windowOpensOn", verdict.opensOn().toString())
                    .with("windowClosesOn", verdict.closesOn().toString());
        }
        return refusal;
    }
}
