package io.parceltrack.telegram.emulator;

/**
 * What the emulator's flood control saw for one bot: messages accepted, 429 answers, requests that
 * came while a {@code retry_after} was still running (a bot that honours it has none), and the
 * most messages it ever accepted within one window, in total and into one chat.
 */
public record FloodStats(
        long accepted, long tooManyRequests, long requestsDuringPenalty, int maxPerWindow, int maxPerChatPerWindow) {}
