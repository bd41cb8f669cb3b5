package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import java.time.Clock;
import java.util.Optional;
import kz.egov.idcard.citizen.IdCard;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.MobileCitizensRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.citizen.ReferencePhoto;

/** The sandbox's mobile citizens database and ID document registry, both backed by {@code sandbox_citizen}. */
@ApplicationScoped
@Adapter("sandbox")
public class SandboxRegistries implements MobileCitizensRegistry, IdDocumentRegistry {

    private final Clock clock;

    public SandboxRegistries(Clock clock) {
        this.clock = clock;
    }

    @Override
    @WithSession
    public Uni<Boolean> isRegistered(String iin, String phone) {
        return SandboxCitizen.count("iin = ?1 and phone = ?2", iin, phone).map(count -> count > 0);
    }

    @Override
    @WithSession
    public Uni<Optional<PersonRecord>> findPerson(String iin) {
        return SandboxCitizen.<SandboxCitizen>findById(iin).map(citizen -> Optional.ofNullable(citizen).map(c ->
                new PersonRecord(c.iin, c.lastName, c.firstName, c.middleName, c.birthDate,
                        new IdCard(c.cardNumber, c.issuedOn(clock), c.expiresOn(clock)), c.regionCode)));
    }

    @Override
    @WithSession
    public Uni<Optional<ReferencePhoto>> referencePhoto(String iin) {
        return SandboxCitizen.<SandboxCitizen>findById(iin).map(citizen -> Optional.ofNullable(citizen)
                .map(c -> new ReferencePhoto(c.photo, c.photoContentType)));
    }
}
