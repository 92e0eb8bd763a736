package io.parceltrack.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void issuedTokensCarry256RandomBitsInUrlSafeText() {
        ApiToken token = ApiToken.generate(random);

        assertThat(token.value()).matches("pt_[A-Za-z0-9_-]{43}");
    }

    @Test
    void issuedTokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ApiToken.generate(random).value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void neverPrintsItsSecret() {
        ApiToken token = ApiToken.generate(random);

        assertThat(token.toString()).doesNotContain(token.value().substring(3, 20)).contains("redacted");
        assertThat(String.valueOf(java.util.List.of(token))).doesNotContain(token.value());
    }

    @Test
    void hashesToA64CharacterSha256() {
        ApiToken token = new ApiToken("pt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");

        assertThat(token.hash().hex())
                .hasSize(64)
                .isEqualTo(token.hash().hex())
                .isNotEqualTo(ApiToken.generate(random).hash().hex());
    }

    @Test
    void hashesCompareEqualOnlyForTheSameToken() {
        ApiToken token = ApiToken.generate(random);

        assertThat(token.hash().matches(ApiTokenHash.of(new ApiToken(token.value())))).isTrue();
        assertThat(token.hash().matches(ApiToken.generate(random).hash())).isFalse();
    }

    @Test
    void acceptsPresentedTokensWithSurroundingBlanks() {
        ApiToken token = ApiToken.generate(random);

        assertThat(ApiToken.parse(" " + token.value() + "\n")).contains(token);
        assertThat(ApiToken.parse("demo-token-for-local-use")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "has spaces inside the token", "quote'injection-attempt-1234", "тоекн-по-русски-длинный"})
    void refusesWhatCannotBeAToken(String presented) {
        assertThat(ApiToken.parse(presented)).isEmpty();
    }

    @Test
    void refusesAbsentAndOverlongTokens() {
        assertThat(ApiToken.parse(null)).isEmpty();
        assertThat(ApiToken.parse("a".repeat(257))).isEmpty();
    }
}
