package kz.egov.idcard.citizen;

/** The registry's photo of a person: image bytes and their media type. */
public record ReferencePhoto(byte[] bytes, String contentType) {
}
