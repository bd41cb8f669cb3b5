package kz.egov.idcard.points;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import kz.egov.idcard.fees.Tier;

/** Where a card is handed over (SPEC R5); reference data. */
@Entity
@Table(name = "registration_point")
public class RegistrationPoint extends PanacheEntityBase {

    @Id
    public String id;
    public String regionCode;
    public String cityKk;
    public String cityRu;
    public String cityEn;
    public String nameKk;
    public String nameRu;
    public String nameEn;
    public String addressKk;
    public String addressRu;
    public String addressEn;
    public String hours;
    public String tiers;
    public boolean active;

    public Set<Tier> offeredTiers() {
        EnumSet<Tier> offered = EnumSet.noneOf(Tier.class);
        Arrays.stream(tiers.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(Tier::valueOf).forEach(offered::add);
        return offered;
    }
}
