package dev.heapscope.e2e;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.NotificationListener;

/** Collects the notifications a JMX client receives, and waits for one with a deadline. */
final class NotificationQueue implements NotificationListener {

    private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();

    @Override
    public void handleNotification(Notification notification, Object handback) {
        received.add(notification);
    }

    /** The next notification of this type, skipping others; fails when none arrives within the deadline. */
    Notification next(String type, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (long left = deadline.toNanos(); left > 0; left = end - System.nanoTime()) {
            Notification n = received.poll(left, TimeUnit.NANOSECONDS);
            if (n != null && n.getType().equals(type)) {
                return n;
            }
        }
        throw new AssertionError("no " + type + " notification within " + deadline);
    }
}
