package kz.egov.idcard.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    @ParameterizedTest
    @ValueSource(strings = {"900101300017", "850525401233", "881112304561", "950701400788", "780303301125", "010916500341"})
    void acceptsIinsWhoseCheckDigitIsRightOnTheFirstPass(String iin) {
        assertThat(Iin.isValid(iin)).isTrue();
    }

    @Test
    void usesTheSecondWeightPassWhenTheFirstGivesTen() {
        // 90010130001x: first pass sum mod 11 is 10 for this prefix, so the second pass decides.
        String prefix = findPrefixWhoseFirstPassIsTen();
        int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (prefix.charAt(i) - '0') * second[i];
        }
        int check = sum % 11;
        if (check == 10) {
            assertThat(Iin.isValid(prefix + "0")).isFalse();
        } else {
            assertThat(Iin.isValid(prefix + check)).isTrue();
            assertThat(Iin.isValid(prefix + ((check + 1) % 10))).isFalse();
        }
    }

    @Test
    void refusesANumberWhoseBothPassesGiveTen() {
        String prefix = findPrefixWhereBothPassesGiveTen();
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(Iin.isValid(prefix + digit)).as(prefix + digit).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"900101300018", "90010130001", "9001013000170", "90010130001a", "", "            ", "+90101300017"})
    void refusesWrongCheckDigitsLengthsAndCharacters(String iin) {
        assertThat(Iin.isValid(iin)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(Iin.isValid(null)).isFalse();
    }

    @Test
    void generatesValidIinsThatEncodeTheBirthDateCenturyAndSex() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
            boolean female = random.nextBoolean();
            String iin = Iin.generate(birth, female, random);
            assertThat(Iin.isValid(iin)).as(iin).isTrue();
            assertThat(Iin.birthDate(iin)).contains(birth);
            int centuryDigit = iin.charAt(6) - '0';
            assertThat(centuryDigit % 2 == 0).isEqualTo(female);
        }
    }

    @Test
    void readsTheBirthDateOfEachCentury() {
        assertThat(Iin.birthDate("900101300017")).contains(LocalDate.of(1990, 1, 1));
        assertThat(Iin.birthDate("010916500341")).contains(LocalDate.of(2001, 9, 16));
        assertThat(Iin.birthDate("991332300000")).isEmpty();
    }

    private static String findPrefixWhoseFirstPassIsTen() {
        for (int serial = 0; serial < 10_000; serial++) {
            String prefix = "9001013" + String.format("%04d", serial);
            int sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += (prefix.charAt(i) - '0') * (i + 1);
            }
            if (sum % 11 == 10) {
                return prefix;
            }
        }
        throw new AssertionError("no prefix");
    }

    private static String findPrefixWhereBothPassesGiveTen() {
        int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        for (long n = 0; n < 100_000_000_000L; n += 7919) {
            String prefix = String.format("%011d", n);
            int first = 0;
            int other = 0;
            for (int i = 0; i < 11; i++) {
                first += (prefix.charAt(i) - '0') * (i + 1);
                other += (prefix.charAt(i) - '0') * second[i];
            }
            if (first % 11 == 10 && other % 11 == 10) {
                return prefix;
            }
        }
        throw new AssertionError("no prefix");
    }
}
