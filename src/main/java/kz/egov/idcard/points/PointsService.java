package kz.egov.idcard.points;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reference data: regions, registration points and Public Service Centers. */
@ApplicationScoped
public class PointsService {

    private final Reception.ReceptionConfig receptionDefaults;

    public PointsService(Reception.ReceptionConfig receptionDefaults) {
        this.receptionDefaults = receptionDefaults;
    }

    @WithSession
    public Uni<List<Region>> regions() {
        return Region.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    @WithSession
    public Uni<Region> region(String code) {
        return Region.findById(code);
    }

    @WithSession
    public Uni<List<RegistrationPoint>> activePoints(String regionCode) {
        return regionCode == null
                ? RegistrationPoint.list("active = true order by regionCode, id")
                : RegistrationPoint.list("active = true and regionCode = ?1 order by id", regionCode);
    }

    @WithSession
    public Uni<RegistrationPoint> point(String id) {
        return RegistrationPoint.findById(id);
    }

    /** A Public Service Center, active or not; null when there is none. */
    @WithSession
    public Uni<PublicServiceCenter> center(String id) {
        return PublicServiceCenter.findById(id);
    }

    /** A centre's reception for ID cards: its own, or the default for all. */
    public Reception reception(PublicServiceCenter center) {
        return Reception.of(center, receptionDefaults);
    }

    @WithSession
    public Uni<List<PublicServiceCenter>> centers(String regionCode) {
        return PublicServiceCenter.list("regionCode = ?1 and active = true order by id", regionCode);
    }
}
