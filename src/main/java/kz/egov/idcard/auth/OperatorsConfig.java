package kz.egov.idcard.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Registration-point operators sign in with the state's identity provider; we only verify its tokens. */
@ConfigMapping(prefix = "idcard.operators")
public interface OperatorsConfig {

    /** {@code iss} of operator tokens. */
    @WithDefault("https://idp.egov.kz/operators")
    String issuer();

    /** The identity provider's verification key (EC P-256 or RSA SPKI, PEM or base64 DER). Required outside the sandbox. */
    Optional<String> publicKey();

    /** The {@code kid} the identity provider puts in its tokens' header. */
    @WithDefault("operators-idp")
    String keyId();
}
