package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.Refusal;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.device.Device;
import kz.egov.idcard.device.DeviceKeys;
import kz.egov.idcard.device.DeviceService;

/**
 * Signing with the phone's enrolled key after its own Face ID / Touch ID check: the web SIGNATURE
 * step and the mobile CONFIRMATION step. ECDSA P-256 over the UTF-8 bytes of the open challenge,
 * by a key the same citizen enrolled.
 */
@ApplicationScoped
public class DeviceSigner {

    private final ApplicationService applications;
    private final SigningChallenges challenges;
    private final Signatures signatures;
    private final DeviceService devices;

    public DeviceSigner(ApplicationService applications, SigningChallenges challenges, Signatures signatures, DeviceService devices) {
        this.applications = applications;
        this.challenges = challenges;
        this.signatures = signatures;
        this.devices = devices;
    }

    public Uni<ApplicationView> sign(String iin, UUID applicationId, Step step, UUID deviceId, byte[] signature, Locale locale,
            ClientInfo client) {
        return challenges.person(iin)
                .chain(person -> Panache.withTransaction(() -> applications.lockOwned(iin, applicationId)
                        .chain(application -> {
                            ApplicationService.requireNext(application, step);
                            return challenges.open(applicationId, step)
                                    .chain(challenge -> check(application, person, challenge, deviceId, signature, locale, client));
                        })))
                .map(Refusal::orThrow);
    }

    private Uni<Refusal<ApplicationView>> check(Application application, PersonRecord person, SigningChallenge challenge,
            UUID deviceId, byte[] signature, Locale locale, ClientInfo client) {
        challenges.requireCurrent(application, person, challenge);
        return devices.active(deviceId, application.applicantIin).chain(device -> {
            if (device == null) {
                throw new ApiException(ErrorCode.DEVICE_NOT_FOUND);
            }
            if (!verifies(device, challenge, signature)) {
                return signatures.refuse(application.applicantIin, application.id, "INVALID", client,
                        Map.of("method", SigningMethod.DEVICE.name(), "device", device.id.toString()),
                        new ApiException(ErrorCode.SIGNATURE_INVALID));
            }
            return signatures.accept(application, challenge, SigningMethod.DEVICE, device, signature, locale, client)
                    .map(Refusal::none);
        });
    }

    private static boolean verifies(Device device, SigningChallenge challenge, byte[] signature) {
        return DeviceKeys.parseP256(Base64.getEncoder().encodeToString(device.publicKey))
                .map(key -> DeviceSignatures.verify(key, challenge.challenge.getBytes(StandardCharsets.UTF_8), signature))
                .orElse(false);
    }
}
