package kz.egov.idcard.citizen.http;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import java.util.Optional;
import kz.egov.idcard.citizen.AdaptersConfig;
import kz.egov.idcard.citizen.IdCard;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.citizen.ReferencePhoto;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
@Adapter("http")
public class HttpIdDocumentRegistry implements IdDocumentRegistry {

    private final IdDocumentsClient client;
    private final AdaptersConfig config;

    public HttpIdDocumentRegistry(@RestClient IdDocumentsClient client, AdaptersConfig config) {
        this.client = client;
        this.config = config;
    }

    static final int NAME_MAX = 100;
    static final int CARD_NUMBER_MAX = 16;

    private static final java.util.regex.Pattern FREE_TEXT = java.util.regex.Pattern.compile(kz.egov.idcard.common.Texts.FREE_TEXT);

    private static boolean unfit(String value, int max) {
        return value != null && (value.length() > max || !FREE_TEXT.matcher(value).matches());
    }

    @Override
    public Uni<Optional<PersonRecord>> findPerson(String iin) {
        return RegistryCalls.read("id-documents", config.registryRetries(), RegistryCalls.orNotFound(client.person(iin))
                .map(found -> found.map(response -> {
                    IdDocumentsClient.PersonDto person = RegistryCalls.ok(response);
                    if (person.iin() == null || !person.iin().equals(iin) || person.lastName() == null
                            || person.firstName() == null || person.birthDate() == null) {
                        throw new IllegalStateException("ID document registry answered an incomplete person");
                    }
                    // What we store and show has these limits (the API documents them): a longer value, or one with
                    // control characters, is not a person we can serve.
                    if (unfit(person.lastName(), NAME_MAX) || unfit(person.firstName(), NAME_MAX) || unfit(person.middleName(), NAME_MAX)
                            || person.idCard() != null && unfit(person.idCard().number(), CARD_NUMBER_MAX)) {
                        throw new IllegalStateException("ID document registry answered a name or card number over its length or with control characters");
                    }
                    IdCard card = person.idCard() == null ? null
                            : new IdCard(person.idCard().number(), person.idCard().issuedOn(), person.idCard().expiresOn());
                    return new PersonRecord(person.iin(), person.lastName(), person.firstName(),
                            person.middleName(), person.birthDate(), card, person.registrationRegion());
                })));
    }

    @Override
    public Uni<Optional<ReferencePhoto>> referencePhoto(String iin) {
        return RegistryCalls.read("id-documents", config.registryRetries(), RegistryCalls.orNotFound(client.photo(iin))
                .map(found -> found.map(response -> {
                    byte[] bytes = RegistryCalls.ok(response);
                    String type = response.getHeaderString("Content-Type");
                    return new ReferencePhoto(bytes, type == null ? "application/octet-stream" : type);
                })));
    }
}
