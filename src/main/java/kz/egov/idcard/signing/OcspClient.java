package kz.egov.idcard.signing;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The certification authority's OCSP responder over HTTP (RFC 6960, appendix A): a DER request POSTed to its URL. */
@RegisterRestClient(configKey = "eds-ocsp")
public interface OcspClient {

    @POST
    @Consumes("application/ocsp-request")
    @Produces("application/ocsp-response")
    Uni<byte[]> ask(byte[] request);
}
