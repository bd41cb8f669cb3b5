package kz.egov.idcard.device;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.db.Locks;
import kz.egov.idcard.common.web.ClientInfo;

/** Enrolment of the phone keys that confirm applications with Face ID / Touch ID. */
@ApplicationScoped
public class DeviceService {

    private final DeviceConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public DeviceService(DeviceConfig config, AuditLog audit, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Device> enrol(String ownerIin, String publicKey, Device.Platform platform, String name, ClientInfo client) {
        ECPublicKey key = DeviceKeys.parseP256(publicKey)
                .orElseThrow(() -> new ApiException(ErrorCode.DEVICE_KEY_INVALID));
        String fingerprint = DeviceKeys.fingerprint(key);
        return lockOwner(ownerIin)
                .chain(() -> Device.<Device>list("ownerIin = ?1 and removedAt is null", ownerIin))
                .chain(active -> {
                    if (active.stream().anyMatch(d -> d.fingerprint.equals(fingerprint))) {
                        throw new ApiException(ErrorCode.DEVICE_ALREADY_ENROLLED);
                    }
                    if (active.size() >= config.maxPerCitizen()) {
                        throw new ApiException(ErrorCode.DEVICE_LIMIT_REACHED, config.maxPerCitizen());
                    }
                    Device device = new Device();
                    device.id = UUID.randomUUID();
                    device.ownerIin = ownerIin;
                    device.platform = platform;
                    device.name = name.strip();
                    device.publicKey = key.getEncoded();
                    device.fingerprint = fingerprint;
                    device.enrolledAt = OffsetDateTime.now(clock);
                    return device.<Device>persist();
                })
                .call(device -> audit.record(AuditType.DEVICE_ENROLLED, ownerIin, "device:" + device.id, "OK", client,
                        Map.of("platform", device.platform.name(), "fingerprint", fingerprint)));
    }

    @WithSession
    public Uni<List<Device>> list(String ownerIin) {
        return Device.list("ownerIin = ?1 and removedAt is null order by enrolledAt", ownerIin);
    }

    /** The owner's enrolled device, or null: another citizen's device, or one removed, does not exist for them. */
    @WithSession
    public Uni<Device> active(UUID deviceId, String ownerIin) {
        return Device.<Device>find("id = ?1 and ownerIin = ?2 and removedAt is null", deviceId, ownerIin).firstResult();
    }

    /** Another citizen's device, or one already removed, does not exist for the caller. */
    @WithTransaction
    public Uni<Void> remove(String ownerIin, UUID deviceId, ClientInfo client) {
        return Device.<Device>find("id = ?1 and ownerIin = ?2 and removedAt is null", deviceId, ownerIin)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(device -> {
                    if (device == null) {
                        throw new ApiException(ErrorCode.DEVICE_NOT_FOUND);
                    }
                    device.removedAt = OffsetDateTime.now(clock);
                    return audit.record(AuditType.DEVICE_REMOVED, ownerIin, "device:" + device.id, "OK", client, Map.of());
                });
    }

    private static Uni<Void> lockOwner(String ownerIin) {
        return Locks.advisory("devices:" + ownerIin);
    }
}
