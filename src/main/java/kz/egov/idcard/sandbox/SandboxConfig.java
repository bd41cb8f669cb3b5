package kz.egov.idcard.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox for integration testers (docs/product.md, Sandbox): its endpoints, personas and self-made keys. */
@ConfigMapping(prefix = "idcard.sandbox")
public interface SandboxConfig {

    /** True only in the sandbox profile (and dev mode and tests, which inherit it). */
    @WithDefault("false")
    boolean enabled();

    /** Largest reference photo accepted by {@code POST /sandbox/citizens}, in bytes. */
    @WithDefault("2097152")
    int maxPhotoBytes();
}
