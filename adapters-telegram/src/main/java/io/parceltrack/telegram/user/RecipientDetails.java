package io.parceltrack.telegram.user;

/**
 * How much of a parcel the user bot shows to whoever sends its track number. A track number is all
 * it takes, so by default recipients see what a public tracker shows (name, status, forecast,
 * history, the recipient masked as {@code A. S***}); {@link #SHOWN} adds the recipient's full name,
 * the delivery address and the description, for deployments where track numbers stay private.
 */
public enum RecipientDetails {
    MASKED,
    SHOWN
}
