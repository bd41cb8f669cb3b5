package kz.egov.idcard.signing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.Refusal;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.device.Device;

/** The accepted signatures of applications: what each signer records, and what voids them. */
@ApplicationScoped
public class Signatures {

    private final ApplicationSignatureRepository signatures;
    private final ApplicationService applications;
    private final AuditLog audit;
    private final Clock clock;

    public Signatures(ApplicationSignatureRepository signatures, ApplicationService applications, AuditLog audit, Clock clock) {
        this.signatures = signatures;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    /** A changed questionnaire voids every signature over the old content (R9), in the caller's transaction. */
    public Uni<Void> voidAll(UUID applicationId) {
        return signatures.voidAll(applicationId);
    }

    /**
     * Accepts a signature over the open challenge, in the caller's transaction: the challenge is
     * used, the signature kept and audited, the step done (and the application submitted when it
     * was the channel's last).
     */
    Uni<ApplicationView> accept(Application application, SigningChallenge challenge, SigningMethod method, Device device,
            byte[] signature, Locale locale, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        challenge.usedAt = now;
        ApplicationSignature record = new ApplicationSignature();
        record.id = UUID.randomUUID();
        record.applicationId = application.id;
        record.step = challenge.step;
        record.method = method.name();
        record.challengeId = challenge.id;
        record.digest = challenge.digest;
        record.deviceId = device == null ? null : device.id;
        record.signature = signature;
        record.signedAt = now;
        record.valid = true;
        return signatures.persist(record)
                .call(() -> audit.record(AuditType.SIGNATURE_ACCEPTED, application.applicantIin, "application:" + application.id,
                        "OK", client, Map.of("method", method.name(), "device", device == null ? "-" : device.id.toString(),
                                "step", challenge.step.name(), "digest", challenge.digest)))
                .chain(() -> applications.finishStep(application, challenge.step, ApplicationService.citizen(application.applicantIin),
                        device != null ? "Signed with the key of device " + device.name
                                : method == SigningMethod.EDS ? "Signed with an EDS" : "Signed with a code sent by SMS"))
                .chain(done -> applications.view(done, locale));
    }

    /** The one way a signer refuses after recording why: audited in the caller's transaction, thrown after it commits. */
    <T> Uni<Refusal<T>> refuse(String iin, UUID applicationId, String outcome, ClientInfo client, Map<String, Object> details,
            ApiException refusal) {
        return Refusal.recordThen(audit.record(AuditType.SIGNATURE_REJECTED, iin, "application:" + applicationId, outcome, client,
                details), refusal);
    }
}
