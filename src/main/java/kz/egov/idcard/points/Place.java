package kz.egov.idcard.points;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A place a citizen can go to: where it is and when it is open, named in three languages. */
@MappedSuperclass
public abstract class Place extends PanacheEntityBase {

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

    public String city(String language) {
        return Localized.pick(language, cityKk, cityRu, cityEn);
    }

    public String name(String language) {
        return Localized.pick(language, nameKk, nameRu, nameEn);
    }

    public String address(String language) {
        return Localized.pick(language, addressKk, addressRu, addressEn);
    }
}
