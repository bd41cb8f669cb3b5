package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import kz.egov.idcard.citizen.Iin;
import org.jboss.logging.Logger;

/**
 * The sandbox's ready-made citizens, one for each path of the journey. They are written at start
 * when missing; their cards' expiry is kept relative to today, so the window persona is always
 * inside the window and the too-early one always too early.
 */
@ApplicationScoped
public class Personas {

    private static final Logger LOG = Logger.getLogger(Personas.class);

    record Definition(String persona, String iin, String phone, String lastName, String firstName, String middleName,
            int expiresInDays, String region, String purpose) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("ELIGIBLE", "900101300017", "+77010000001", "Абенов", "Нурлан", "Серикович", 10, "ASTANA",
                    "Card expires in 10 days: inside the window. Log in and walk the whole journey; send the reference photo as the selfie."),
            new Definition("WINDOW_OPENS_TODAY", "850525401233", "+77010000002", "Касымова", "Айгерим", "Маратовна", 30, "ASTANA",
                    "Card expires in exactly 30 days: today is the first day of the window."),
            new Definition("WINDOW_CLOSES_TODAY", "881112304561", "+77010000003", "Ким", "Виктор", null, -10, "ASTANA",
                    "Card expired 10 days ago: today is the last day of the window."),
            new Definition("TOO_EARLY", "950701400788", "+77010000004", "Омарова", "Дана", "Ерлановна", 120, "ASTANA",
                    "Card expires in 120 days: not yet eligible; eligibility says when the window opens."),
            new Definition("TOO_LATE", "780303301125", "+77010000005", "Сейткали", "Бауыржан", null, -30, "ASTANA",
                    "Card expired 30 days ago: the window has closed; the citizen must visit a Public Service Center (ЦОН)."),
            new Definition("FACE_MISMATCH", "691207401552", "+77010000006", "Петрова", "Елена", "Ивановна", 5, "KARAGANDA",
                    "Inside the window, registered in Karaganda region; send any picture other than the reference photo as the selfie three times (or a blank picture once) to see the redirect to the Public Service Centers (ЦОН) of Karaganda region."),
            new Definition("PHONE_NOT_REGISTERED", "990228300212", "+77010000007", "Ахметов", "Тимур", "Русланович", 10, "ASTANA",
                    "Log in with this IIN and the phone +77010000099 instead: the pair does not match in the mobile citizens database, so no code is sent."));

    private final SandboxConfig config;
    private final Clock clock;

    public Personas(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void seed(@Observes @Priority(10) StartupEvent ignored) {
        if (!config.enabled()) {
            return;
        }
        VertxContextSupportCall.run(() -> Panache.withTransaction(() -> seedAll(0)));
        LOG.infof("Sandbox: %d personas ready (GET /api/v1/sandbox/personas)", ALL.size());
    }

    private Uni<Void> seedAll(int index) {
        if (index == ALL.size()) {
            return Uni.createFrom().voidItem();
        }
        Definition d = ALL.get(index);
        return SandboxCitizen.count("iin = ?1 or phone = ?2", d.iin(), d.phone()).chain(found -> {
            if (found > 0) {
                return Uni.createFrom().voidItem();
            }
            SandboxCitizen c = new SandboxCitizen();
            c.iin = d.iin();
            c.phone = d.phone();
            c.lastName = d.lastName();
            c.firstName = d.firstName();
            c.middleName = d.middleName();
            c.birthDate = Iin.birthDate(d.iin()).orElse(LocalDate.of(1990, 1, 1));
            c.cardNumber = String.format("0%08d", 10_000_000 + index);
            c.cardExpiresInDays = d.expiresInDays();
            c.regionCode = d.region();
            c.photo = PortraitGenerator.portrait(d.iin().hashCode());
            c.photoContentType = "image/png";
            c.persona = d.persona();
            c.personaOrder = index;
            c.purpose = d.purpose();
            c.createdAt = OffsetDateTime.now(clock);
            return c.persist().replaceWithVoid();
        }).chain(() -> seedAll(index + 1));
    }

    /** Start-up runs outside any Vert.x context; this gives the reactive session one. */
    static final class VertxContextSupportCall {
        static void run(java.util.function.Supplier<Uni<Void>> work) {
            try {
                VertxContextSupport.subscribeAndAwait(work);
            } catch (Throwable e) {
                throw new IllegalStateException("Sandbox: cannot write the personas: " + e, e);
            }
        }
    }
}
