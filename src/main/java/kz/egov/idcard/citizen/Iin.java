package kz.egov.idcard.citizen;

import java.time.LocalDate;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The individual identification number (ИИН): six digits of the birth date (YYMMDD), a digit for
 * the century and sex, four serial digits and a check digit. The check digit is the weighted sum
 * modulo 11 with weights 1..11; when that gives 10 the second pass uses weights 3..11,1,2; a number
 * for which the second pass also gives 10 is never issued.
 */
public final class Iin {

    private static final int[] FIRST_PASS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_PASS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Iin() {
    }

    public static boolean isValid(String iin) {
        if (iin == null || iin.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = iin.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int check = checkDigit(iin);
        return check >= 0 && check == iin.charAt(11) - '0';
    }

    /** The check digit of the first eleven digits, or -1 when both passes give 10. */
    static int checkDigit(String digits) {
        int check = weightedSum(digits, FIRST_PASS) % 11;
        if (check == 10) {
            check = weightedSum(digits, SECOND_PASS) % 11;
        }
        return check == 10 ? -1 : check;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** The birth date an IIN encodes, when its first seven digits form one. */
    public static Optional<LocalDate> birthDate(String iin) {
        if (iin == null || iin.length() < 7) {
            return Optional.empty();
        }
        int centuryDigit = iin.charAt(6) - '0';
        int century = switch (centuryDigit) {
            case 1, 2 -> 1800;
            case 3, 4 -> 1900;
            case 5, 6 -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return Optional.empty();
        }
        try {
            int year = century + Integer.parseInt(iin.substring(0, 2));
            int month = Integer.parseInt(iin.substring(2, 4));
            int day = Integer.parseInt(iin.substring(4, 6));
            return Optional.of(LocalDate.of(year, month, day));
        } catch (RuntimeException notADate) {
            return Optional.empty();
        }
    }

    /** A valid IIN for someone born on that date; the serial is drawn from the generator. */
    public static String generate(LocalDate birthDate, boolean female, RandomGenerator random) {
        int centuryDigit = switch (birthDate.getYear() / 100) {
            case 18 -> 1;
            case 19 -> 3;
            case 20 -> 5;
            default -> throw new IllegalArgumentException("No IIN century digit for " + birthDate);
        } + (female ? 1 : 0);
        String prefix = String.format("%02d%02d%02d%d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), centuryDigit);
        while (true) {
            String digits = prefix + String.format("%04d", random.nextInt(10_000));
            int check = checkDigit(digits + "0");
            if (check >= 0) {
                return digits + check;
            }
        }
    }
}
