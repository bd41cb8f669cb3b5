package kz.egov.idcard.points;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.FieldError;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Registration points and Public Service Centers, published while the service runs: created,
 * updated, deactivated (never deleted: applications and redirects name them). Every change is
 * audited with what it was before, and is seen by the next request on every instance (they are
 * not cached).
 */
@ApplicationScoped
public class PlacePublisher {

    /** A text in the three languages. */
    public record Names(String kk, String ru, String en) {
    }

    /** What a place is, as published: a point has tiers, a centre a phone. */
    public record Published(String regionCode, Names city, Names name, Names address, List<PointViews.Hours> hours,
            List<Tier> tiers, String phone) {
    }

    @RegisterForReflection
    @Schema(name = "PublishedPlace", description = "A registration point or a Public Service Center as published, in every language")
    public record PlaceView(
            @Schema(maxLength = 32, pattern = "\\S", example = "AST-04") String id,
            @Schema(description = "Offered to citizens", example = "true") boolean active,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "ASTANA") String region,
            TextView city,
            TextView name,
            TextView address,
            @Schema(maxItems = 7) List<PointViews.Hours> hours,
            @Schema(maxItems = 3, description = "Registration points: the tiers offered") List<Tier> tiers,
            @Schema(maxLength = 32, description = "Public Service Centers: the phone", example = "1414") String phone) {
    }

    @RegisterForReflection
    @Schema(name = "LocalizedTextView", description = "A text in Kazakh, Russian and English")
    public record TextView(
            @Schema(maxLength = 300, example = "Астана") String kk,
            @Schema(maxLength = 300, example = "Астана") String ru,
            @Schema(maxLength = 300, example = "Astana") String en) {
    }

    private final AuditLog audit;
    private final ObjectMapper json;
    private final Reception.ReceptionConfig receptionDefaults;

    public PlacePublisher(AuditLog audit, ObjectMapper json, Reception.ReceptionConfig receptionDefaults) {
        this.audit = audit;
        this.json = json;
        this.receptionDefaults = receptionDefaults;
    }

    public Uni<PlaceView> createPoint(String id, Published place, String admin, ClientInfo client) {
        return create(RegistrationPoint.class, RegistrationPoint::new, id, place, admin, client);
    }

    public Uni<PlaceView> updatePoint(String id, Published place, String admin, ClientInfo client) {
        return update(RegistrationPoint.class, id, place, admin, client);
    }

    public Uni<PlaceView> deactivatePoint(String id, String admin, ClientInfo client) {
        return deactivate(RegistrationPoint.class, id, admin, client);
    }

    public Uni<PlaceView> createCenter(String id, Published place, String admin, ClientInfo client) {
        return create(PublicServiceCenter.class, PublicServiceCenter::new, id, place, admin, client);
    }

    public Uni<PlaceView> updateCenter(String id, Published place, String admin, ClientInfo client) {
        return update(PublicServiceCenter.class, id, place, admin, client);
    }

    public Uni<PlaceView> deactivateCenter(String id, String admin, ClientInfo client) {
        return deactivate(PublicServiceCenter.class, id, admin, client);
    }

    /**
     * A centre's own reception for ID cards (slot length, citizens per slot); a null value returns
     * that one to the default for all centres. Bookings already made keep their times.
     */
    public Uni<Reception> setReception(String id, Integer slotMinutes, Integer capacity, String admin, ClientInfo client) {
        return Panache.withTransaction(() -> locked(PublicServiceCenter.class, id).chain(center -> {
            Reception before = Reception.of(center, receptionDefaults);
            center.slotMinutes = slotMinutes;
            center.slotCapacity = capacity;
            Reception after = Reception.of(center, receptionDefaults);
            return audit.record(AuditType.REFERENCE_DATA_CHANGED, admin, "tson:" + id + ":reception", "UPDATED", client,
                    Map.of("before", before, "after", after)).replaceWith(after);
        }));
    }

    private <P extends Place> Uni<PlaceView> create(Class<P> kind, Supplier<P> make, String id, Published place, String admin,
            ClientInfo client) {
        validate(place, kind == RegistrationPoint.class);
        return Panache.withTransaction(() -> requireRegion(place.regionCode())
                .chain(() -> Panache.getSession()).chain(session -> session.find(kind, id, LockModeType.PESSIMISTIC_WRITE)
                        .chain(existing -> {
                            if (existing != null) {
                                throw new ApiException(ErrorCode.PLACE_ALREADY_EXISTS, id);
                            }
                            P created = make.get();
                            created.id = id;
                            activate(created, true);
                            apply(created, place);
                            return session.persist(created).chain(() -> audited(created, null, admin, client, "CREATED"));
                        })));
    }

    private <P extends Place> Uni<PlaceView> update(Class<P> kind, String id, Published place, String admin, ClientInfo client) {
        validate(place, kind == RegistrationPoint.class);
        return Panache.withTransaction(() -> requireRegion(place.regionCode())
                .chain(() -> locked(kind, id))
                .chain(found -> {
                    PlaceView before = view(found);
                    apply(found, place);
                    return audited(found, before, admin, client, "UPDATED");
                }));
    }

    private <P extends Place> Uni<PlaceView> deactivate(Class<P> kind, String id, String admin, ClientInfo client) {
        return Panache.withTransaction(() -> locked(kind, id).chain(found -> {
            PlaceView before = view(found);
            activate(found, false);
            return audited(found, before, admin, client, "DEACTIVATED");
        }));
    }

    private static <P extends Place> Uni<P> locked(Class<P> kind, String id) {
        return Panache.getSession().chain(session -> session.find(kind, id, LockModeType.PESSIMISTIC_WRITE)).map(found -> {
            if (found == null) {
                throw kind == RegistrationPoint.class ? new ApiException(ErrorCode.REGISTRATION_POINT_NOT_FOUND, id)
                        : new ApiException(ErrorCode.TSON_NOT_FOUND, id);
            }
            return found;
        });
    }

    private static void activate(Place place, boolean active) {
        if (place instanceof RegistrationPoint point) {
            point.active = active;
        } else if (place instanceof PublicServiceCenter center) {
            center.active = active;
        }
    }

    private static Uni<Void> requireRegion(String code) {
        return Region.<Region>findById(code).map(region -> {
            if (region == null) {
                throw ValidationProblem.of("regionCode", "UNKNOWN_REGION");
            }
            return null;
        }).replaceWithVoid();
    }

    /** What bean validation cannot say: opening hours that close after they open, a point with tiers. */
    private static void validate(Published place, boolean point) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < place.hours().size(); i++) {
            PointViews.Hours hours = place.hours().get(i);
            if (hours.opens().compareTo(hours.closes()) >= 0) {
                errors.add(new FieldError("hours[" + i + "].closes", "CLOSES_BEFORE_OPENING", null));
            }
        }
        if (point && (place.tiers() == null || place.tiers().isEmpty())) {
            errors.add(new FieldError("tiers", "REQUIRED", null));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
    }

    private void apply(Place target, Published place) {
        target.regionCode = place.regionCode();
        target.cityKk = place.city().kk();
        target.cityRu = place.city().ru();
        target.cityEn = place.city().en();
        target.nameKk = place.name().kk();
        target.nameRu = place.name().ru();
        target.nameEn = place.name().en();
        target.addressKk = place.address().kk();
        target.addressRu = place.address().ru();
        target.addressEn = place.address().en();
        try {
            target.hours = json.writeValueAsString(place.hours());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (target instanceof RegistrationPoint point) {
            point.tiers = place.tiers().stream().distinct().map(Tier::name).collect(Collectors.joining(","));
        } else if (target instanceof PublicServiceCenter center) {
            center.phone = place.phone();
        }
    }

    private Uni<PlaceView> audited(Place place, PlaceView before, String admin, ClientInfo client, String outcome) {
        PlaceView after = view(place);
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", before);
        }
        details.put("after", after);
        String subject = (place instanceof RegistrationPoint ? "registration-point:" : "tson:") + place.id;
        return audit.record(AuditType.REFERENCE_DATA_CHANGED, admin, subject, outcome, client, details).replaceWith(after);
    }

    private PlaceView view(Place place) {
        List<PointViews.Hours> hours = PointViews.parseHours(place.hours, json);
        if (place instanceof RegistrationPoint point) {
            return new PlaceView(point.id, point.active, point.regionCode, new TextView(point.cityKk, point.cityRu, point.cityEn),
                    new TextView(point.nameKk, point.nameRu, point.nameEn), new TextView(point.addressKk, point.addressRu, point.addressEn),
                    hours, List.copyOf(point.offeredTiers()), null);
        }
        PublicServiceCenter center = (PublicServiceCenter) place;
        return new PlaceView(center.id, center.active, center.regionCode, new TextView(center.cityKk, center.cityRu, center.cityEn),
                new TextView(center.nameKk, center.nameRu, center.nameEn), new TextView(center.addressKk, center.addressRu, center.addressEn),
                hours, null, center.phone);
    }
}
