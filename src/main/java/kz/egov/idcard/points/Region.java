package kz.egov.idcard.points;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of Kazakhstan's regions or cities of republican significance. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;
    public String nameKk;
    public String nameRu;
    public String nameEn;

    public String name(String language) {
        return Localized.pick(language, nameKk, nameRu, nameEn);
    }
}
