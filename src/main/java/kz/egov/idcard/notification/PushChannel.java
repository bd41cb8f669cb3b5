package kz.egov.idcard.notification;

import io.smallrye.mutiny.Uni;

/** Push notifications to the citizen's eGov Mobile app, addressed by IIN (the push service knows the app installs). */
public interface PushChannel {

    Uni<Void> push(String iin, String title, String body);
}
