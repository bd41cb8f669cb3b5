package kz.egov.idcard.points;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import kz.egov.idcard.fees.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API shows of points, centres and regions, in the caller's language. */
public final class PointViews {

    private static final TypeReference<List<Hours>> HOURS = new TypeReference<>() {
    };

    private PointViews() {
    }

    @RegisterForReflection
    @Schema(name = "OpeningHours")
    public record Hours(
            @Schema(description = "MON-FRI, MON-SAT, SAT or SUN", example = "MON-FRI") String days,
            @Schema(example = "09:00") String opens,
            @Schema(example = "18:00") String closes) {
    }

    @RegisterForReflection
    @Schema(name = "Region")
    public record RegionView(@Schema(example = "ASTANA") String code, @Schema(example = "Астана") String name) {
        public static RegionView of(Region region, String language) {
            return new RegionView(region.code, region.name(language));
        }
    }

    @RegisterForReflection
    @Schema(name = "RegistrationPoint", description = "Where the card can be picked up; `tiers` lists the processing tiers it offers.")
    public record PointView(
            @Schema(example = "AST-01") String id,
            @Schema(example = "ASTANA") String region,
            @Schema(example = "Астана") String city,
            @Schema(example = "ЦОН района Есиль") String name,
            @Schema(example = "пр. Мангилик Ел, 55") String address,
            List<Hours> hours,
            @Schema(example = "[\"STANDARD\", \"EXPEDITED\", \"URGENT\"]") List<Tier> tiers) {

        public static PointView of(RegistrationPoint p, String language, ObjectMapper json) {
            return new PointView(p.id, p.regionCode, p.city(language), p.name(language), p.address(language),
                    parseHours(p.hours, json), List.copyOf(p.offeredTiers()));
        }
    }

    @RegisterForReflection
    @Schema(name = "PublicServiceCenter", description = "A Public Service Center (ЦОН)")
    public record CenterView(
            @Schema(example = "TSON-AST-01") String id,
            @Schema(example = "ASTANA") String region,
            @Schema(example = "Астана") String city,
            @Schema(example = "ЦОН района Алматы") String name,
            @Schema(example = "ул. Шокана Валиханова, 7") String address,
            List<Hours> hours,
            @Schema(example = "1414") String phone) {

        public static CenterView of(PublicServiceCenter c, String language, ObjectMapper json) {
            return new CenterView(c.id, c.regionCode, c.city(language), c.name(language), c.address(language),
                    parseHours(c.hours, json), c.phone);
        }
    }

    static List<Hours> parseHours(String text, ObjectMapper json) {
        try {
            return json.readValue(text, HOURS);
        } catch (Exception malformed) {
            return List.of();
        }
    }
}
