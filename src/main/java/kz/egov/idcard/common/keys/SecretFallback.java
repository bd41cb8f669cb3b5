package kz.egov.idcard.common.keys;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a secret that is not configured may come from. In production from nowhere: the service
 * refuses to start and names it. The sandbox makes it at first start and keeps it in its database,
 * so a restart keeps everyone's session. Chosen by {@code idcard.secrets.fallback}.
 */
public interface SecretFallback {

    /** The secret kept under this name, made with {@code make} the first time; empty where nothing stands in for configuration. */
    Optional<byte[]> secret(String name, Supplier<byte[]> make);

    /** Whether secrets that are not configured are made here (the sandbox), so that none is required. */
    boolean makesSecrets();

    /** Random bytes from the CSPRNG, for a secret made here. */
    static byte[] randomBytes(int length) {
        return KeyCodec.randomBytes(length);
    }
}
