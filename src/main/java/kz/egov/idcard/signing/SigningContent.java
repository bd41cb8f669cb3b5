package kz.egov.idcard.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.citizen.PersonRecord;

/**
 * The application's canonical content (docs/product.md R9): who applies (from the registry), which card is
 * replaced, and every questionnaire answer, as one line per field in a fixed order. A signature is
 * over its SHA-256, so any change of the questionnaire after signing no longer matches.
 */
public final class SigningContent {

    private SigningContent() {
    }

    public static String canonical(Application a, PersonRecord person) {
        StringBuilder content = new StringBuilder();
        line(content, "application", a.id);
        line(content, "channel", a.channel);
        line(content, "iin", a.applicantIin);
        line(content, "lastName", person.lastName());
        line(content, "firstName", person.firstName());
        line(content, "middleName", person.middleName());
        line(content, "birthDate", person.birthDate());
        line(content, "replacedCard", a.cardNumber);
        line(content, "personalDataConfirmed", a.personalDataConfirmed);
        line(content, "contactPhone", a.contactPhone);
        line(content, "email", a.email);
        line(content, "address", a.address);
        line(content, "pickupPoint", a.pickupPointId);
        line(content, "tier", a.tier);
        return content.toString();
    }

    public static String digest(Application a, PersonRecord person) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical(a, person).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values are escaped so that no value can forge another line. */
    private static void line(StringBuilder content, String name, Object value) {
        String text = value == null ? "" : value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        content.append(name).append('=').append(text).append('\n');
    }
}
