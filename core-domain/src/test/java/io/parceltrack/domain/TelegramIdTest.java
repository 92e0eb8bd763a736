package io.parceltrack.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class TelegramIdTest {

    @Test
    void isAPositive64BitNumber() {
        assertThat(new TelegramId(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new TelegramId(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TelegramId(-5)).isInstanceOf(InvalidInputException.class);
    }
}
