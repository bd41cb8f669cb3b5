package kz.egov.idcard.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.egov.idcard.journey.TestCa;
import kz.egov.idcard.journey.TestCa.Answer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.Test;

/** The OCSP answer is believed only when it is authentic, about the certificate asked for, ours and fresh. */
class OcspTest {

    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final X509Certificate signer = TestCa.signer("900101300017").certificate();
    private final Ocsp.Request request = TestCa.request(signer);

    private Ocsp.Status read(byte[] answer) {
        return Ocsp.read(answer, request, TestCa.CERTIFICATE, Instant.now(), MAX_AGE);
    }

    @Test
    void theRequestAsksAboutTheSignerByItsIssuerAndSerialWithANonce() throws Exception {
        OCSPReq parsed = new OCSPReq(request.encoded());
        assertThat(parsed.getRequestList()).hasSize(1);
        assertThat(parsed.getRequestList()[0].getCertID().getSerialNumber()).isEqualTo(signer.getSerialNumber());
        assertThat(parsed.getRequestList()[0].getCertID().matchesIssuer(
                new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(TestCa.CERTIFICATE),
                new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())).isTrue();
        assertThat(DEROctetString.getInstance(parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .getOctets()).isEqualTo(request.nonce());
        assertThat(TestCa.request(signer).nonce()).isNotEqualTo(request.nonce());
    }

    @Test
    void goodRevokedAndUnknownAreReadFromTheIssuersAnswer() {
        assertThat(read(TestCa.answer(signer, Answer.good()))).isEqualTo(Ocsp.Status.GOOD);
        assertThat(read(TestCa.answer(signer, Answer.good().status(TestCa.REVOKED)))).isEqualTo(Ocsp.Status.REVOKED);
        assertThat(read(TestCa.answer(signer, Answer.good().status(TestCa.UNKNOWN)))).isEqualTo(Ocsp.Status.UNKNOWN);
    }

    @Test
    void anAnswerEchoingOurNonceIsBelievedAnotherNonceIsAReplay() {
        assertThat(read(TestCa.answer(signer, Answer.good().nonce(request.nonce())))).isEqualTo(Ocsp.Status.GOOD);
        assertThatThrownBy(() -> read(TestCa.answer(signer, Answer.good().nonce(new byte[16]))))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("nonce");
    }

    @Test
    void aResponderTheIssuerDelegatedMaySignOthersMayNot() {
        assertThat(read(TestCa.answer(signer, Answer.good().signedBy(TestCa.responder(true))))).isEqualTo(Ocsp.Status.GOOD);
        assertThatThrownBy(() -> read(TestCa.answer(signer, Answer.good().status(TestCa.REVOKED).signedBy(TestCa.responder(false)))))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("not signed by the issuer");
        assertThatThrownBy(() -> read(TestCa.answer(signer, Answer.good().signedBy(TestCa.stranger()))))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("not signed by the issuer");
    }

    @Test
    void anAnswerAboutAnotherCertificateIsNotAnAnswer() {
        X509Certificate other = TestCa.signer("900101300017").certificate();
        assertThatThrownBy(() -> read(TestCa.answer(other, Answer.good())))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("certificate asked for");
    }

    @Test
    void staleAndFutureAnswersAreRefused() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> read(TestCa.answer(signer, Answer.good().updated(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))))))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("stale");
        assertThatThrownBy(() -> read(TestCa.answer(signer, Answer.good().updated(now.minus(Duration.ofHours(2)), null))))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("stale");
        assertThat(read(TestCa.answer(signer, Answer.good().updated(now.minus(Duration.ofMinutes(10)), null)))).isEqualTo(Ocsp.Status.GOOD);
        assertThatThrownBy(() -> read(TestCa.answer(signer, Answer.good().updated(now.plus(Duration.ofHours(1)), null))))
                .isInstanceOf(Ocsp.Unusable.class).hasMessageContaining("future");
    }

    @Test
    void errorStatusesAndGarbageAreUnusable() {
        assertThatThrownBy(() -> read(TestCa.failed(OCSPRespBuilder.TRY_LATER))).isInstanceOf(Ocsp.Unusable.class)
                .hasMessageContaining("status 3");
        assertThatThrownBy(() -> read(TestCa.failed(OCSPRespBuilder.UNAUTHORIZED))).isInstanceOf(Ocsp.Unusable.class);
        assertThatThrownBy(() -> read("<html>proxy error</html>".getBytes())).isInstanceOf(Ocsp.Unusable.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(Ocsp.Unusable.class);
    }

    @Test
    void configuredAnchorsWithoutAResponderRefuseToStart() {
        assertThatThrownBy(() -> EdsRevocation.requireResponder(List.of(TestCa.CERTIFICATE_PEM), Optional.of(" ")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("IDCARD_EDS_OCSP_URL");
        EdsRevocation.requireResponder(List.of(TestCa.CERTIFICATE_PEM), Optional.of("http://ocsp.pki.gov.kz"));
        EdsRevocation.requireResponder(List.of(), Optional.empty());
    }
}
