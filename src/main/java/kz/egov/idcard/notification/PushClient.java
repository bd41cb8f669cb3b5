package kz.egov.idcard.notification;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The eGov Mobile push service's HTTP API (contract in docs/api.md, "External systems"). */
@RegisterRestClient(configKey = "push")
@Path("/v1/push")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PushClient {

    @POST
    Uni<RestResponse<Void>> push(Message message);

    @RegisterForReflection
    record Message(String iin, String title, String body) {
    }
}
