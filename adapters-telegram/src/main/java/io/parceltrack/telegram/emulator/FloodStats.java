package io.parceltrack.telegram.emulator;

/**
 * What the emulator's flood control saw for one bot: messages accepted, 429 answers, requests into
 * a chat that had been told to wait and came before its {@code retry_after} ran out (a bot that
 * honours it has none), and the most messages it ever accepted within one window, in total and into
 * one chat.
 */
public record FloodStats(
        long accepted, long tooManyRequests, long requestsDuringPenalty, int maxPerWindow, int maxPerChatPerWindow) {}
