package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {
    private static final String TAG = EntityTags.quoted("abc-en");

    @Test
    void matchesTheTagInAListWeakOrStrong() {
        assertThat(EntityTags.matches("\"x\", W/\"abc-en\"", TAG)).isTrue();
        assertThat(EntityTags.matches("\"abc-en\"", TAG)).isTrue();
        assertThat(EntityTags.matches("*", TAG)).isTrue();
    }

    @Test
    void matchesNothingElse() {
        assertThat(EntityTags.matches(null, TAG)).isFalse();
        assertThat(EntityTags.matches("\"abc-ru\"", TAG)).isFalse();
        assertThat(EntityTags.matches("abc-en", TAG)).isFalse();
        assertThat(EntityTags.matches("\"x\"," + " ".repeat(3000) + TAG, TAG)).isFalse();
    }
}
