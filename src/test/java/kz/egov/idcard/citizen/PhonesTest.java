package kz.egov.idcard.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void masksAKazakhMobileNumberKeepingOperatorCodeAndLastTwoDigits() {
        assertThat(Phones.mask("+77011234567")).isEqualTo("+7 701 *** ** 67");
    }

    @Test
    void masksOtherNumbersKeepingOnlyTheEnds() {
        assertThat(Phones.mask("+4915112345678")).isEqualTo("+491********78");
    }

    @Test
    void acceptsOnlyE164() {
        assertThat("+77011234567".matches(Phones.E164)).isTrue();
        assertThat("87011234567".matches(Phones.E164)).isFalse();
        assertThat("+7 701 123 45 67".matches(Phones.E164)).isFalse();
        assertThat("+0701123456".matches(Phones.E164)).isFalse();
    }
}
