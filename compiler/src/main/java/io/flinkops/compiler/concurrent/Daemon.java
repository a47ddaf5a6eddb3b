package io.flinkops.compiler.concurrent;

/**
 * Work a run starts beside its main thread and never waits for at exit (a warm-up, a schema loaded
 * ahead, a context pack read or written): a daemon thread, named so that it reads in a profile.
 */
public final class Daemon {
    private Daemon() {}

    public static void start(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
