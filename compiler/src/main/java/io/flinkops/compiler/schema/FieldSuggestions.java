package io.flinkops.compiler.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The field a misspelt one most likely meant, for an "unknown field" message (and the listed value a
 * value outside an enum most likely meant): the same name in another
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
     * The listed value a value outside an enum most likely meant: one written alike but for case and
     * separators ({@code last_state}, {@code Savepoint}, {@code 1.17} for {@code v1_17}), else, for a
     * word without digits, the one listed word an edit away ({@code savepiont}). A version is no typo
     * ({@code v1_21} does not mean {@code v1_20}), nor is a word two edits away ({@code stateful}).
     */
    public static Optional<String> closestValue(String value, Collection<String> listed) {
        String wanted = loose(value);
        String match = null;
        for (String candidate : listed) {
            if (loose(candidate).equals(wanted)) {
                if (match != null) {
                    return Optional.empty();
                }
                match = candidate;
            }
        }
        if (match != null) {
            return Optional.of(match);
        }
        if (value.chars().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String near = null;
        for (String candidate : listed) {
            if (distance(value.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT), 1) <= 1) {
                if (near != null) {
                    return Optional.empty();
                }
                near = candidate;
            }
        }
        return Optional.ofNullable(near);
    }

    /** Lower case, without '-', '_', '.' and spaces, and without the 'v' of a version such as v1_17. */
    private static String loose(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "");
        return out.length() > 1 && out.charAt(0) == 'v' && Character.isDigit(out.charAt(1)) ? out.substring(1) : out;
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
