package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.common.Blocking;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.Refusal;
import kz.egov.idcard.common.web.ClientInfo;

/**
 * Web EDS signing: a CMS SignedData over the open challenge, by a certificate of the citizen's IIN
 * that chains to a trusted authority and is not revoked (EdsTrust). The CMS is checked off the event
 * loop before the transaction that accepts it; a refusal is audited and names its reason.
 */
@ApplicationScoped
public class EdsSigner {

    private final ApplicationService applications;
    private final SigningChallenges challenges;
    private final Signatures signatures;
    private final EdsTrust eds;
    private final SigningConfig config;
    private final Clock clock;

    public EdsSigner(ApplicationService applications, SigningChallenges challenges, Signatures signatures, EdsTrust eds,
            SigningConfig config, Clock clock) {
        this.config = config;
        this.applications = applications;
        this.challenges = challenges;
        this.signatures = signatures;
        this.eds = eds;
        this.clock = clock;
    }

    public Uni<ApplicationView> sign(String iin, UUID applicationId, byte[] cms, Locale locale, ClientInfo client) {
        if (!eds.offered()) {
            throw new ApiException(ErrorCode.EDS_INVALID).with("reason", "NOT_TRUSTED");
        }
        return challenges.person(iin)
                .chain(person -> openChallenge(iin, applicationId)
                        .chain(challenge -> verify(cms, challenge, iin)
                                .chain(failure -> Panache.withTransaction(() -> failure != null
                                        ? signatures.<ApplicationView>refuse(iin, applicationId, failure.name(), client,
                                                Map.of("method", "EDS"), new ApiException(ErrorCode.EDS_INVALID).with("reason", failure.name()))
                                        : accept(iin, applicationId, person, challenge, cms, locale, client)))))
                .map(Refusal::orThrow);
    }

    private Uni<SigningChallenge> openChallenge(String iin, UUID applicationId) {
        return Panache.withSession(() -> applications.owned(iin, applicationId)
                        .invoke(application -> ApplicationService.requireNext(application, Step.SIGNATURE))
                        .chain(() -> challenges.open(applicationId, Step.SIGNATURE)))
                .invoke(challenges::requireOpen);
    }

    /** Null when the CMS is a good signature of the challenge by a certificate that is not revoked; else why not. */
    private Uni<EdsVerifier.Failure> verify(byte[] cms, SigningChallenge challenge, String iin) {
        Date from = Date.from(challenge.createdAt.toInstant().minus(config.signingTimeSkew()));
        Date until = Date.from(challenge.expiresAt.toInstant().plus(config.signingTimeSkew()));
        return Blocking.onWorker(() -> EdsVerifier.verify(cms, challenge.challenge, iin, eds.anchors(), Date.from(clock.instant()),
                        from, until))
                .chain(eds::revocation)
                .onFailure(EdsVerifier.EdsException.class)
                .recoverWithItem(refused -> ((EdsVerifier.EdsException) refused).failure());
    }

    /** In the transaction: the challenge verified must still be the open one when the application is locked. */
    private Uni<Refusal<ApplicationView>> accept(String iin, UUID applicationId, PersonRecord person, SigningChallenge verified,
            byte[] cms, Locale locale, ClientInfo client) {
        return applications.lockOwned(iin, applicationId).chain(application -> {
            ApplicationService.requireNext(application, Step.SIGNATURE);
            return challenges.open(applicationId, Step.SIGNATURE).chain(current -> {
                if (current == null || !current.id.equals(verified.id)) {
                    throw new ApiException(ErrorCode.SIGNING_CHALLENGE_REQUIRED);
                }
                challenges.requireCurrent(application, person, current);
                return signatures.accept(application, current, SigningMethod.EDS, null, cms, locale, client).map(Refusal::none);
            });
        });
    }
}
