package kz.egov.idcard.citizen.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The ID document registry's HTTP API (contract in docs/api.md, "External systems"). */
@RegisterRestClient(configKey = "id-documents")
@Path("/v1/persons")
public interface IdDocumentsClient {

    @GET
    @Path("/{iin}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<PersonDto>> person(@PathParam("iin") String iin);

    @GET
    @Path("/{iin}/photo")
    @Produces({"image/jpeg", "image/png"})
    Uni<RestResponse<byte[]>> photo(@PathParam("iin") String iin);

    @RegisterForReflection
    record PersonDto(String iin, String lastName, String firstName, String middleName, LocalDate birthDate,
            IdCardDto idCard, String registrationRegion) {
    }

    @RegisterForReflection
    record IdCardDto(String number, LocalDate issuedOn, LocalDate expiresOn) {
    }
}
