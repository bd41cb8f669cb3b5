package kz.egov.idcard.citizen;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** The ID document registry: a person's name, birth date, current ID card and reference photo. */
public interface IdDocumentRegistry {

    Uni<Optional<PersonRecord>> findPerson(String iin);

    Uni<Optional<ReferencePhoto>> referencePhoto(String iin);
}
