package kz.egov.idcard.signing;

/** How an application's content can be signed: the phone's key, an SMS code (web) or an EDS (web). */
public enum SigningMethod {
    DEVICE,
    SMS,
    EDS
}
