package kz.egov.idcard.points;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Where a card is handed over (docs/product.md R5); reference data. */
@Entity
@Table(name = "registration_point")
public class RegistrationPoint extends Place {

    public String tiers;
    public boolean active;

    public Set<Tier> offeredTiers() {
        EnumSet<Tier> offered = EnumSet.noneOf(Tier.class);
        Arrays.stream(tiers.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(Tier::valueOf).forEach(offered::add);
        return offered;
    }
}
