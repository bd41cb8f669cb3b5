package kz.egov.idcard.points;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reference data: regions, registration points and Public Service Centers. */
@ApplicationScoped
public class PointsService {

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

    @WithSession
    public Uni<List<PublicServiceCenter>> centers(String regionCode) {
        return PublicServiceCenter.list("regionCode = ?1 and active = true order by id", regionCode);
    }
}
