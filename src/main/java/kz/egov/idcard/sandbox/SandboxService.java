package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.egov.idcard.citizen.Iin;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.image.ImageFormat;
import kz.egov.idcard.points.Region;
import kz.egov.idcard.sandbox.SandboxDtos.CreateCitizen;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.db.Locks;

/** Test citizens for the sandbox registries. */
@ApplicationScoped
public class SandboxService {

    static final String DEFAULT_REGION = "ASTANA";
    private static final LocalDate OLDEST_RANDOM_BIRTH = LocalDate.of(1960, 1, 1);
    private static final int RANDOM_BIRTH_SPAN_DAYS = 40 * 365;

    private final SandboxConfig config;
    private final kz.egov.idcard.auth.AuthKeys keys;
    private final kz.egov.idcard.auth.OperatorsConfig operators;
    private final kz.egov.idcard.auth.JwtConfig jwt;
    private final SandboxRepository repository;
    private final kz.egov.idcard.points.PointsService points;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SandboxService(SandboxConfig config, kz.egov.idcard.auth.AuthKeys keys,
            kz.egov.idcard.auth.OperatorsConfig operators, kz.egov.idcard.auth.JwtConfig jwt, SandboxRepository repository, kz.egov.idcard.points.PointsService points, Clock clock) {
        this.points = points;
        this.repository = repository;
        this.config = config;
        this.keys = keys;
        this.operators = operators;
        this.jwt = jwt;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SandboxCitizen> create(CreateCitizen request) {
        Photo photo = photo(request);
        LocalDate birthDate = birthDate(request);
        String iin = request.iin() != null ? request.iin() : Iin.generate(birthDate, random.nextBoolean(), random);
        LocalDate issuedOn = request.idCard().issuedOn() != null ? request.idCard().issuedOn()
                : request.idCard().expiresOn().minusYears(SandboxCitizen.CARD_VALIDITY_YEARS);
        if (!issuedOn.isBefore(request.idCard().expiresOn())) {
            throw invalid("idCard.issuedOn", "INVALID_DATE");
        }
        String region = request.region() == null || request.region().isBlank() ? DEFAULT_REGION : request.region();
        return lockCitizens()
                .chain(() -> points.region(region))
                .chain(known -> {
                    if (known == null) {
                        throw invalid("region", "UNKNOWN_REGION");
                    }
                    return SandboxCitizen.<SandboxCitizen>findById(iin);
                })
                .chain(existing -> {
                    if (existing != null) {
                        throw new ApiException(ErrorCode.SANDBOX_CITIZEN_EXISTS, iin);
                    }
                    return SandboxCitizen.count("phone", request.phone());
                })
                .chain(phoneTaken -> {
                    if (phoneTaken > 0) {
                        throw new ApiException(ErrorCode.SANDBOX_PHONE_TAKEN, request.phone());
                    }
                    return cardNumber(request.idCard().number());
                })
                .chain(number -> {
                    SandboxCitizen citizen = new SandboxCitizen();
                    citizen.iin = iin;
                    citizen.phone = request.phone();
                    citizen.lastName = request.lastName().strip();
                    citizen.firstName = request.firstName().strip();
                    citizen.middleName = request.middleName() == null || request.middleName().isBlank() ? null
                            : request.middleName().strip();
                    citizen.birthDate = birthDate;
                    citizen.cardNumber = number;
                    citizen.cardIssuedOn = issuedOn;
                    citizen.cardExpiresOn = request.idCard().expiresOn();
                    citizen.regionCode = region;
                    citizen.photo = photo.bytes() != null ? photo.bytes() : PortraitGenerator.portrait(iin.hashCode());
                    citizen.photoContentType = photo.format().mediaType();
                    citizen.createdAt = OffsetDateTime.now(clock);
                    return citizen.persist();
                });
    }

    /** An operator token as the operators' identity provider would sign it (in the sandbox, with our key). */
    @WithSession
    public Uni<String> operatorToken(String pointId) {
        // A registration point's operator, or a Public Service Center's (its visits booked online).
        return points.point(pointId).chain(point -> point != null ? Uni.createFrom().item(true)
                : points.center(pointId).map(center -> center != null)).map(known -> {
            if (!known) {
                throw new ApiException(ErrorCode.REGISTRATION_POINT_NOT_FOUND, pointId);
            }
            java.time.Instant now = clock.instant();
            return io.smallrye.jwt.build.Jwt.issuer(operators.issuer()).audience(jwt.audience())
                    .subject("sandbox-operator-" + pointId).upn("sandbox-operator-" + pointId)
                    .groups(Roles.OPERATOR)
                    .claim(Roles.POINT_CLAIM, pointId)
                    .issuedAt(now).expiresAt(now.plus(java.time.Duration.ofHours(8)))
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).keyId(keys.tokenKeyId())
                    .sign(keys.tokenSigningKey());
        });
    }

    /** An admin token as the operators' identity provider would sign it (in the sandbox, with our key): reference data. */
    public String adminToken() {
        java.time.Instant now = clock.instant();
        return io.smallrye.jwt.build.Jwt.issuer(operators.issuer()).audience(jwt.audience())
                .subject("sandbox-admin").upn("sandbox-admin")
                .groups(Roles.ADMIN)
                .issuedAt(now).expiresAt(now.plus(java.time.Duration.ofHours(8)))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).keyId(keys.tokenKeyId())
                .sign(keys.tokenSigningKey());
    }

    @WithSession
    public Uni<List<SandboxCitizen>> personas() {
        return SandboxCitizen.list("persona is not null order by personaOrder");
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SandboxPush")
    public record Push(
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$") String iin,
            @Schema(maxLength = 200, pattern = FREE_TEXT) String title,
            @Schema(maxLength = 1000, pattern = FREE_TEXT) String body,
            OffsetDateTime pushedAt) {
    }

    @WithSession
    public Uni<List<Push>> pushes(String iin) {
        return repository.pushes(iin, 50)
                .map(rows -> rows.stream().map(r -> new Push(((String) r[0]).trim(), (String) r[1], (String) r[2],
                        kz.egov.idcard.common.time.Times.local((OffsetDateTime) r[3]))).toList());
    }

    @WithSession
    public Uni<List<SandboxSms>> sms(String phone) {
        return SandboxSms.find("phone = ?1 order by id desc", phone).page(0, 50).list();
    }

    @WithSession
    public Uni<Optional<SandboxCitizen>> citizen(String iin) {
        return SandboxCitizen.<SandboxCitizen>findById(iin).map(Optional::ofNullable);
    }

    private LocalDate birthDate(CreateCitizen request) {
        Optional<LocalDate> fromIin = Iin.birthDate(request.iin());
        if (request.birthDate() != null) {
            if (request.iin() != null && fromIin.isPresent() && !fromIin.get().equals(request.birthDate())) {
                throw invalid("birthDate", "BIRTH_DATE_MISMATCH");
            }
            return request.birthDate();
        }
        if (fromIin.isPresent()) {
            return fromIin.get();
        }
        if (request.iin() != null) {
            throw invalid("birthDate", "REQUIRED");
        }
        return OLDEST_RANDOM_BIRTH.plusDays(random.nextInt(RANDOM_BIRTH_SPAN_DAYS));
    }

    private Photo photo(CreateCitizen request) {
        if (request.referencePhoto() == null || request.referencePhoto().isBlank()) {
            return new Photo(null, ImageFormat.PNG);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(request.referencePhoto().strip());
        } catch (IllegalArgumentException e) {
            throw invalid("referencePhoto", "INVALID_BASE64");
        }
        if (bytes.length > config.maxPhotoBytes()) {
            throw invalid("referencePhoto", "TOO_LARGE");
        }
        return ImageFormat.sniff(bytes).map(format -> new Photo(bytes, format))
                .orElseThrow(() -> invalid("referencePhoto", "NOT_AN_IMAGE"));
    }

    private Uni<String> cardNumber(String requested) {
        String number = requested != null ? requested : String.format("%09d", random.nextInt(1_000_000_000));
        return SandboxCitizen.count("cardNumber", number).chain(taken -> {
            if (taken == 0) {
                return Uni.createFrom().item(number);
            }
            if (requested != null) {
                throw invalid("idCard.number", "ALREADY_USED");
            }
            return cardNumber(null);
        });
    }

    private static Uni<Void> lockCitizens() {
        return Locks.advisory("sandbox-citizens");
    }

    private static ApiException invalid(String field, String code) {
        return ValidationProblem.of(field, code);
    }

    private record Photo(byte[] bytes, ImageFormat format) {
    }
}
