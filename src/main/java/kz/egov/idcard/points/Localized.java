package kz.egov.idcard.points;

/** Picks the text of the caller's language among the three stored. */
final class Localized {

    private Localized() {
    }

    static String pick(String language, String kk, String ru, String en) {
        return switch (language) {
            case "kk" -> kk;
            case "en" -> en;
            default -> ru;
        };
    }
}
