package kz.egov.idcard.citizen;

/** Phone numbers are E.164; what the citizen sees of one is masked. */
public final class Phones {

    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    public static final String E164 = "^\\+[1-9][0-9]{7,14}$";

    private Phones() {
    }

    /** {@code +77011234567} becomes {@code +7 701 *** ** 67}. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return "***";
        }
        if (phone.startsWith("+7") && phone.length() == 12) {
            return "+7 " + phone.substring(2, 5) + " *** ** " + phone.substring(10);
        }
        return phone.substring(0, 4) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 2);
    }
}
