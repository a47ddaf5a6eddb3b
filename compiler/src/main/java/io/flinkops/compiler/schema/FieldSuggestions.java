package io.flinkops.compiler.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The field a misspelt one most likely meant, for an "unknown field" message: the same name in another
 * case ({@code jobmanager}), one a letter or two away ({@code replica}, {@code parallism}), or the
 * one field a short form begins ({@code flinkConfig}). Only a single best candidate is named.
 */
public final class FieldSuggestions {
    private FieldSuggestions() {}

    public static Optional<String> closest(String unknown, Collection<String> known) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        String prefixed = null;
        int prefixes = 0;
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.equals(lower)) {
                return Optional.of(candidate);
            }
            if (lower.length() >= 5 && c.startsWith(lower)) {
                prefixed = candidate;
                prefixes++;
            }
            int d = distance(lower, c, 3);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        int allowed = unknown.length() <= 4 ? 1 : 2;
        if (best != null && !tie && bestDistance <= allowed) {
            return Optional.of(best);
        }
        return prefixes == 1 ? Optional.of(prefixed) : Optional.empty();
    }

    /**
     * Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}; any count over
     * {@code cap} is returned as {@code cap + 1}, so that long unrelated names cost little.
     */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap) {
            return cap + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], cap + 1);
    }
}
