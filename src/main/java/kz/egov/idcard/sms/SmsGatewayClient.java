package kz.egov.idcard.sms;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The SMS gateway's HTTP API (contract in docs/api.md, "External systems"). */
@RegisterRestClient(configKey = "sms-gateway")
@Path("/v1/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SmsGatewayClient {

    @POST
    Uni<RestResponse<Void>> send(Message message);

    @RegisterForReflection
    record Message(String to, String text) {
    }
}
