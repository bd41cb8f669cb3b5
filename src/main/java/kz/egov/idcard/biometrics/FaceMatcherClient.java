package kz.egov.idcard.biometrics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The biometric vendor's HTTP API (contract in docs/api.md, "External systems"). */
@RegisterRestClient(configKey = "face-matcher")
@Path("/v1/face")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface FaceMatcherClient {

    @POST
    @Path("/verify")
    Uni<VerifyResponse> verify(VerifyRequest request);

    /** Base64 images: the registry's reference photo and the probe (selfie). */
    @RegisterForReflection
    record VerifyRequest(String reference, String referenceType, String probe, String probeType) {
    }

    @RegisterForReflection
    record VerifyResponse(String decision, Double score, String liveness, String quality) {
    }
}
