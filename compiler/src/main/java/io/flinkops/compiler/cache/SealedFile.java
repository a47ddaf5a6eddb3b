package io.flinkops.compiler.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The cache's files: a first line "FORMAT FIELD CRC" says what the file is and seals the rest, CRC
 * being the CRC-32 of every byte after that line (zlib's: a tenth of the time CRC-32C takes before
 * the JIT compiles it), FIELD whatever the format needs there. A file is written whole or not at all
 * (a temporary file, then a rename), and one whose rest does not match its CRC is not read: what the
 * cache gives back is then what it stored, not what a disk, a half-restored CI cache or a hand left.
 */
final class SealedFile {
    private SealedFile() {}

    /** An opened file: its first line's field, and where the sealed part starts in its bytes. */
    record Opened(String field, byte[] bytes, int bodyStart) {
        int bodyLength() {
            return bytes.length - bodyStart;
        }
    }

    /** Writes {@code dir/name}: the sealing line, then the parts one after the other. */
    static void write(Path dir, String name, String format, String field, byte[]... parts) throws IOException {
        CRC32 crc = new CRC32();
        for (byte[] part : parts) {
            crc.update(part);
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write((format + " " + field + " " + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII));
                for (byte[] part : parts) {
                    out.write(part);
                }
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file's bytes opened, when its first line is of {@code format} and the rest matches its CRC. */
    static Optional<Opened> open(byte[] bytes, String format) {
        int newline = 0;
        while (newline < bytes.length && newline < 80 && bytes[newline] != '\n') {
            newline++;
        }
        if (newline >= bytes.length || bytes[newline] != '\n') {
            return Optional.empty();
        }
        String[] line = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
        if (line.length != 3 || !line[0].equals(format)) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, newline + 1, bytes.length - newline - 1);
        if (!Long.toHexString(crc.getValue()).equals(line[2])) {
            return Optional.empty(); // cut short, or changed
        }
        return Optional.of(new Opened(line[1], bytes, newline + 1));
    }
}
