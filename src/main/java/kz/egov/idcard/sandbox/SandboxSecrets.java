package kz.egov.idcard.sandbox;

import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.common.keys.SecretFallback;

/** The sandbox makes the secrets nobody configured at first start and keeps them in its database. */
@Singleton
@Adapter("sandbox")
public class SandboxSecrets implements SecretFallback {

    private final SandboxRepository repository;
    private final Clock clock;

    public SandboxSecrets(SandboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> secret(String name, Supplier<byte[]> make) {
        try {
            return Optional.of(VertxContextSupport.subscribeAndAwait(() -> repository.secret(name, OffsetDateTime.now(clock), make)));
        } catch (Throwable e) {
            throw new IllegalStateException("Sandbox: cannot load or store secret '" + name + "' in the database: " + e, e);
        }
    }

    @Override
    public boolean makesSecrets() {
        return true;
    }
}
