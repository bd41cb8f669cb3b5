package kz.egov.idcard.points;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** What the API shows of points, centres and regions, in the caller's language. */
public final class PointViews {

    private static final TypeReference<List<Hours>> HOURS = new TypeReference<>() {
    };

    private PointViews() {
    }

    @RegisterForReflection
    @Schema(name = "OpeningHours")
    public record Hours(
            @Schema(maxLength = 16, pattern = "^(MON|TUE|WED|THU|FRI|SAT|SUN)(-(MON|TUE|WED|THU|FRI|SAT|SUN))?$", description = "MON-FRI, MON-SAT, SAT or SUN", example = "MON-FRI") String days,
            @Schema(maxLength = 5, pattern = "^[0-2][0-9]:[0-5][0-9]$", example = "09:00") String opens,
            @Schema(maxLength = 5, pattern = "^[0-2][0-9]:[0-5][0-9]$", example = "18:00") String closes) {
    }

    @RegisterForReflection
    @Schema(name = "Region")
    public record RegionView(@Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "ASTANA") String code, @Schema(maxLength = 100, pattern = FREE_TEXT, example = "Астана") String name) {
        public static RegionView of(Region region, String language) {
            return new RegionView(region.code, region.name(language));
        }
    }

    @RegisterForReflection
    @Schema(name = "RegistrationPoint", description = "Where the card can be picked up; `tiers` lists the processing tiers it offers.")
    public record PointView(
            @Schema(maxLength = 32, pattern = "\\S", example = "AST-01") String id,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "ASTANA") String region,
            @Schema(maxLength = 100, pattern = FREE_TEXT, example = "Астана") String city,
            @Schema(maxLength = 200, pattern = FREE_TEXT, example = "ЦОН района Есиль") String name,
            @Schema(maxLength = 300, pattern = FREE_TEXT, example = "пр. Мангилик Ел, 55") String address,
            @Schema(maxItems = 7) List<Hours> hours,
            @Schema(maxItems = 3, example = "[\"STANDARD\", \"EXPEDITED\", \"URGENT\"]") List<Tier> tiers) {

        public static PointView of(RegistrationPoint p, String language, ObjectMapper json) {
            return new PointView(p.id, p.regionCode, p.city(language), p.name(language), p.address(language),
                    parseHours(p.hours, json), List.copyOf(p.offeredTiers()));
        }
    }

    @RegisterForReflection
    @Schema(name = "PublicServiceCenter", description = "A Public Service Center (ЦОН)")
    public record CenterView(
            @Schema(maxLength = 32, pattern = "\\S", example = "TSON-AST-01") String id,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", example = "ASTANA") String region,
            @Schema(maxLength = 100, pattern = FREE_TEXT, example = "Астана") String city,
            @Schema(maxLength = 200, pattern = FREE_TEXT, example = "ЦОН района Алматы") String name,
            @Schema(maxLength = 300, pattern = FREE_TEXT, example = "ул. Шокана Валиханова, 7") String address,
            @Schema(maxItems = 7) List<Hours> hours,
            @Schema(maxLength = 32, pattern = FREE_TEXT, example = "1414") String phone) {

        public static CenterView of(PublicServiceCenter c, String language, ObjectMapper json) {
            return new CenterView(c.id, c.regionCode, c.city(language), c.name(language), c.address(language),
                    parseHours(c.hours, json), c.phone);
        }
    }

    public static List<Hours> parseHours(String text, ObjectMapper json) {
        try {
            return json.readValue(text, HOURS);
        } catch (Exception malformed) {
            return List.of();
        }
    }
}
