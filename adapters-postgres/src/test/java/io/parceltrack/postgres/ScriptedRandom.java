package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.TrackNumber;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A random source that first draws given track numbers, then random ones: the way to make the
 * service hit a track number that is already taken. {@link TrackNumber#generate} draws one
 * {@code nextInt} per character.
 */
final class ScriptedRandom implements RandomGenerator {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Deque<Integer> script = new ArrayDeque<>();
    private final SecureRandom rest = new SecureRandom();

    ScriptedRandom(TrackNumber... firstDraws) {
        for (TrackNumber trackNumber : firstDraws) {
            String text = trackNumber.value();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                script.add(i < 2 ? LETTERS.indexOf(c) : c - '0');
            }
        }
    }

    @Override
    public synchronized int nextInt(int bound) {
        Integer scripted = script.poll();
        return scripted != null ? scripted : rest.nextInt(bound);
    }

    @Override
    public synchronized long nextLong() {
        return rest.nextLong();
    }
}
