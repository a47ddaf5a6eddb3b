package io.flinkops.compiler.cache;

import io.flinkops.compiler.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** SHA-256 of the things cache keys are made of: strings (length-prefixed, so no two lists hash alike) and files. */
final class Hashes {
    private Hashes() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }

    /** A file's path and content, or that it is absent. */
    static void file(MessageDigest sha, SourceTree tree, String path) {
        update(sha, path);
        Optional<byte[]> bytes = tree.read(path);
        update(sha, bytes.isPresent() ? "present:" + bytes.get().length : "absent");
        bytes.ifPresent(sha::update);
    }

    static String of(SourceTree tree, String path) {
        MessageDigest sha = sha256();
        file(sha, tree, path);
        return hex(sha);
    }

    static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }
}
