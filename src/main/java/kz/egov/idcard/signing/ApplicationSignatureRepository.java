package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ApplicationSignatureRepository implements PanacheRepositoryBase<ApplicationSignature, UUID> {

    /** Voids the application's signatures, in the caller's transaction: what they signed has changed (R9). */
    public Uni<Void> voidAll(UUID applicationId) {
        return update("valid = false where applicationId = ?1 and valid = true", applicationId).replaceWithVoid();
    }
}
