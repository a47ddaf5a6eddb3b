package io.flinkops.compiler.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Why a file could not be read, in words: Java's own messages are often just the path again. */
public final class FileErrors {
    private FileErrors() {}

    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException || isLoop(e)) {
            return "a symbolic link loop";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException f && f.getFile() != null) {
            return f.getFile() + " is a file where a folder must go";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** Why a path named on the command line does not resolve: missing, or a symbolic link that leads nowhere. */
    public static String missing(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return "no such file or folder";
        }
        try {
            path.toRealPath();
            return "no such file or folder";
        } catch (IOException e) {
            return isLoop(e) ? "a symbolic link loop" : "a symbolic link to " + readLink(path) + ", which does not exist";
        }
    }

    /** The JDK reports ELOOP as a plain FileSystemException with its own (not the C library's) words. */
    private static boolean isLoop(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("symbolic links");
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "nowhere";
        }
    }
}
