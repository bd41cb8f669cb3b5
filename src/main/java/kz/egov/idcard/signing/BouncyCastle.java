package kz.egov.idcard.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Bouncy Castle's JCA provider, made on first use and handed to the CMS and OCSP code that needs
 * it, never registered as a global security provider: registering it at boot cost every start
 * its initialisation (hundreds of classes) though only EDS verification uses it. The JDK's own
 * providers do everything else (certificates, ECDSA, the sandbox CA).
 */
final class BouncyCastle {

    /** Initialised when first read, by the class-holder idiom. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
