package kz.egov.idcard.citizen.http;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** What every read from a registry shares: bounded retries with back-off, then a 503 the citizen can retry. */
final class RegistryCalls {

    private static final Logger LOG = Logger.getLogger(RegistryCalls.class);

    private RegistryCalls() {
    }

    static <T> Uni<T> read(String registry, int retries, Uni<T> call) {
        Uni<T> attempt = call;
        if (retries > 0) {
            attempt = call.onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(retries);
        }
        return attempt.onFailure().transform(failure -> {
            LOG.warnf("Registry %s failed: %s", registry, failure.toString());
            return new ApiException(ErrorCode.REGISTRY_UNAVAILABLE).retryAfter(10);
        });
    }

    /** A 404 from a registry is an answer ("nobody with that IIN"), so it is neither retried nor a failure. */
    static <T> Uni<Optional<RestResponse<T>>> orNotFound(Uni<RestResponse<T>> call) {
        return call.map(response -> response.getStatus() == 404 ? Optional.<RestResponse<T>>empty() : Optional.of(response))
                .onFailure(RegistryCalls::isNotFound).recoverWithItem(Optional.empty());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404;
    }

    static <T> T ok(RestResponse<T> response) {
        if (response.getStatus() != 200 || response.getEntity() == null) {
            throw new IllegalStateException("registry answered HTTP " + response.getStatus());
        }
        return response.getEntity();
    }
}
