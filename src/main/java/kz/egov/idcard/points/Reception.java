package kz.egov.idcard.points;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Public Service Center's reception for ID cards: visits are booked in slots of a length, each
 * taking a number of citizens. Each centre may have its own (the admin API); the rest take the
 * default (docs/product.md, Public Service Center visits).
 */
@RegisterForReflection
@Schema(name = "Reception", description = "A Public Service Center's reception for ID cards: slots of `slotMinutes`, each taking "
        + "`capacity` citizens, inside its opening hours on working days")
public record Reception(
        @Schema(maxLength = 32, pattern = "\\S", example = "TSON-AST-01") String tsonId,
        @Schema(minimum = "5", maximum = "240", example = "20") int slotMinutes,
        @Schema(minimum = "1", maximum = "100", example = "2") int capacity,
        @Schema(description = "The centre has no reception of its own: the default for all centres applies", example = "false")
        boolean byDefault) {

    @ConfigMapping(prefix = "idcard.tson")
    public interface ReceptionConfig {
        /** Length of a reception slot at a centre without its own. */
        @WithDefault("PT20M")
        Duration slotLength();

        /** Citizens one slot takes at a centre without its own. */
        @WithDefault("2")
        int slotCapacity();
    }

    public static Reception of(PublicServiceCenter center, ReceptionConfig defaults) {
        int minutes = center.slotMinutes != null ? center.slotMinutes : (int) defaults.slotLength().toMinutes();
        int capacity = center.slotCapacity != null ? center.slotCapacity : defaults.slotCapacity();
        return new Reception(center.id, minutes, capacity, center.slotMinutes == null && center.slotCapacity == null);
    }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }
}
