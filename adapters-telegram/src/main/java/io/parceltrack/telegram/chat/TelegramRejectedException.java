package io.parceltrack.telegram.chat;

/**
 * Telegram refused a request for good (a 4xx other than flood control or a blocked chat): sending it
 * again would fail again. Points at a bug of ours or a misconfiguration (e.g. a revoked token).
 */
public final class TelegramRejectedException extends RuntimeException {
    private final int errorCode;

    public TelegramRejectedException(int errorCode, String description) {
        super("Telegram refused the request (" + errorCode + "): " + description, null, false, false);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isMessageGone() {
        return getMessage().contains("message to edit not found") || getMessage().contains("message can't be edited");
    }
}
