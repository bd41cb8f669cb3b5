package kz.egov.idcard.citizen.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The mobile citizens database's HTTP API (contract in docs/api.md, "External systems"). */
@RegisterRestClient(configKey = "mobile-citizens")
@Path("/v1/subscribers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MobileCitizensClient {

    @POST
    @Path("/verify")
    Uni<VerifyResponse> verify(VerifyRequest request);

    @RegisterForReflection
    record VerifyRequest(String iin, String phone) {
    }

    @RegisterForReflection
    record VerifyResponse(Boolean registered) {
    }
}
