package kz.egov.idcard.common;

/** What the API takes and gives as free text (names, addresses, reasons, messages). */
public final class Texts {

    /** Any text on one line: no control characters (so none can forge a line in an SMS, a log or signed content). */
    public static final String FREE_TEXT = "^[^\\u0000-\\u001F\\u007F]*$";

    private Texts() {
    }
}
