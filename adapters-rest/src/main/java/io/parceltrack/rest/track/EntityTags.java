package io.parceltrack.rest.track;

/**
 * {@code If-None-Match} against our ETag, by the weak comparison RFC 9110 prescribes for it: a
 * list of tags, {@code W/} ignored, {@code *} matching anything that exists.
 */
final class EntityTags {
    /** A header longer than this is no browser's; it matches nothing. */
    private static final int MAX_HEADER_LENGTH = 2048;

    private EntityTags() {}

    static String quoted(String opaque) {
        return '"' + opaque + '"';
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.length() > MAX_HEADER_LENGTH) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
