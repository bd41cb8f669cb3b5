package kz.egov.idcard.common.keys;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;
import kz.egov.idcard.common.adapters.Adapter;

/** Production: every secret comes from configuration; nothing stands in for a missing one. */
@ApplicationScoped
@Adapter("none")
public class NoSecretFallback implements SecretFallback {

    @Override
    public Optional<byte[]> secret(String name, Supplier<byte[]> make) {
        return Optional.empty();
    }

    @Override
    public boolean makesSecrets() {
        return false;
    }
}
