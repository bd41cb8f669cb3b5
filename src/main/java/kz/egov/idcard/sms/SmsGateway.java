package kz.egov.idcard.sms;

import io.smallrye.mutiny.Uni;

/** Sends a text message to a phone. Fails with SMS_UNAVAILABLE when the gateway does not take it. */
public interface SmsGateway {

    Uni<Void> send(String phone, String text);
}
