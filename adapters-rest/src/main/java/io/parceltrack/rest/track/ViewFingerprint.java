package io.parceltrack.rest.track;

import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.port.in.tracking.PublicParcelView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A fingerprint of everything a parcel view shows, the same in every replica and every restart
 * (so ETags survive both), which changes when the view or the page's look ({@link #EDITION}) does.
 */
final class ViewFingerprint {
    /** Part of every fingerprint: change it when the page's markup or texts change, so browsers refetch. */
    static final String EDITION = "tracking-page-1";

    private ViewFingerprint() {}

    static String of(PublicParcelView view) {
        MessageDigest digest = sha256();
        update(digest, EDITION);
        update(digest, view.trackNumber().value());
        update(digest, view.name());
        update(digest, view.status().name());
        update(digest, view.forecastDate().toString());
        update(digest, Integer.toString(view.checkpoints().request().page()));
        update(digest, Integer.toString(view.checkpoints().request().size()));
        update(digest, Boolean.toString(view.checkpoints().hasNext()));
        for (Checkpoint checkpoint : view.checkpoints().items()) {
            update(digest, checkpoint.time().toString());
            update(digest, checkpoint.place());
            update(digest, checkpoint.description());
            update(digest, checkpoint.status().name());
        }
        byte[] hash = digest.digest();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18));
    }

    /** Length-prefixed, so that no two different views feed the digest the same bytes. */
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
