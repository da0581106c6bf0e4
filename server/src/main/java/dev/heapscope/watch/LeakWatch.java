package dev.heapscope.watch;

import dev.heapscope.HeapscopeException;
import dev.heapscope.Listeners;
import dev.heapscope.Ticker;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.timeline.MarkKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leak watch (LeakCanary's automatic detection, JMC's memory-leak rule, for a running service): a
 * snapshot every interval into the watch's own ring, apart from the snapshot store, and a verdict after each
 * one: the types and allocation sites that grow steadily, and the live set's trend with the moment it would
 * reach the heap's maximum.
 *
 * <p>Each snapshot runs a full GC, through {@link SnapshotService}'s capture and its one-at-a-time guard: a
 * tick that finds another heavy operation running is skipped, and {@link WatchStatus#skipped()} says so.
 * One thread, {@code heapscope-watch-1}, while watching. The ring is allocated when the watch starts
 * ({@link #ringBytes}) and the status is built when it is read, so that watching adds no objects to the heap
 * it watches; reads take a lock a snapshot holds only while it is reduced into the ring (milliseconds), never
 * while it is taken.
 */
public final class LeakWatch implements AutoCloseable {

    /** Skipped ticks remembered. */
    static final int MAX_SKIPS = 10;
    /** Suspect keys remembered for "new suspect" notifications. */
    static final int MAX_KNOWN_SUSPECTS = 1000;

    private final SnapshotService snapshots;
    private final Clock clock;
    private final Listeners<WatchListener> listeners = new Listeners<>();
    private Run run;

    /** One watching period, from start to stop. */
    private final class Run {
        final WatchSettings settings;
        final Instant since;
        final WatchRing ring;
        final ArrayDeque<WatchStatus.Skip> skips = new ArrayDeque<>();
        final Set<String> known = new HashSet<>();
        Ticker ticker;
        Judgement.Verdict verdict;

        Run(WatchSettings settings, Instant since) {
            this.settings = settings;
            this.since = since;
            this.ring = new WatchRing(settings.keep());
        }
    }

    public LeakWatch(SnapshotService snapshots) {
        this(snapshots, Clock.systemUTC());
    }

    LeakWatch(SnapshotService snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Told of each watch snapshot and each suspect that appears (the JMX notifications, the timeline). */
    public Listeners<WatchListener> listeners() {
        return listeners;
    }

    /** What the watch holds (its ring of unstored snapshots), to count in heapscope's own memory; null when idle. */
    public synchronized Object ownState() {
        return run == null ? null : new Object[] {run.ring, run.known};
    }

    /** The watch now: never waits for a running snapshot. */
    public synchronized WatchStatus status() {
        return run == null ? idle() : status(run);
    }

    /**
     * Starts watching; repeating it with equal settings returns the status.
     *
     * @throws HeapscopeException.Conflict while watching with other settings
     */
    public synchronized WatchStatus start(WatchSettings settings) {
        if (run != null) {
            if (!run.settings.equals(settings)) {
                throw new HeapscopeException.Conflict("the watch runs with " + describe(run.settings)
                        + "; stop it first to watch with " + describe(settings));
            }
            return status(run);
        }
        run = new Run(settings, clock.instant());
        Run started = run;
        started.ticker = Ticker.start("watch", Duration.ofSeconds(settings.intervalSeconds()), () -> tick(started));
        return status(started);
    }

    /** Stops watching and drops its ring; idempotent. Waits for a snapshot being taken to finish. */
    public WatchStatus stop() {
        Run stopped;
        synchronized (this) {
            stopped = run;
            run = null;
        }
        if (stopped != null) {
            stopped.ticker.close();
        }
        return idle();
    }

    @Override
    public void close() {
        stop();
    }

    /** The bytes a ring of {@code keep} snapshots takes (allocated when the watch starts). */
    public static long ringBytes(int keep) {
        return new WatchRing(1).bytes() * keep;
    }

    private void tick(Run owner) {
        Instant now = clock.instant();
        String name = MarkKind.watchSnapshotName(now);
        Snapshot snapshot;
        try {
            snapshot = snapshots.captureUnstored(name);
        } catch (HeapscopeException e) {
            skipped(owner, now, e);
            return;
        }
        List<Suspect> appeared = new ArrayList<>();
        synchronized (this) {
            if (run != owner) {
                return;
            }
            owner.ring.add(snapshot);
            owner.verdict = Judgement.of(owner.ring, owner.settings.minGrowingIntervals(),
                    Duration.ofSeconds(owner.settings.intervalSeconds()));
            for (Suspect s : owner.verdict.suspects()) {
                String key = s.kind().wireName() + " " + s.key();
                if (owner.known.size() < MAX_KNOWN_SUSPECTS && owner.known.add(key)) {
                    appeared.add(s);
                }
            }
        }
        String taken = MarkKind.watchSnapshotName(snapshot.takenAt());
        listeners.tell(l -> l.snapshotTaken(snapshot.takenAt(), taken));
        appeared.forEach(s -> listeners.tell(l -> l.suspect(s)));
    }

    private synchronized void skipped(Run owner, Instant time, HeapscopeException why) {
        if (run != owner) {
            return;
        }
        owner.skips.addLast(new WatchStatus.Skip(time, "no snapshot at this tick: " + why.getMessage()));
        while (owner.skips.size() > MAX_SKIPS) {
            owner.skips.removeFirst();
        }
    }

    private static WatchStatus status(Run r) {
        Judgement.Verdict verdict = r.verdict != null ? r.verdict
                : Judgement.of(r.ring, r.settings.minGrowingIntervals(), Duration.ofSeconds(r.settings.intervalSeconds()));
        List<String> notes = new ArrayList<>(verdict.notes());
        notes.add("each watch snapshot runs a full GC; the ring keeps " + r.settings.keep() + ", apart from the"
                + " snapshot store");
        List<WatchStatus.Taken> taken = new ArrayList<>(r.ring.size());
        for (int i = 0; i < r.ring.size(); i++) {
            WatchRing.Slot slot = r.ring.slot(i);
            taken.add(new WatchStatus.Taken(MarkKind.watchSnapshotName(slot.time()), slot.time(), slot.liveBytes,
                    slot.liveObjects, slot.tracing));
        }
        Instant next = taken.isEmpty() ? r.since
                : taken.get(taken.size() - 1).takenAt().plusSeconds(r.settings.intervalSeconds());
        return new WatchStatus(true, r.since, r.settings, next, taken, List.copyOf(r.skips), verdict.suspects(),
                verdict.liveSet(), notes);
    }

    private static WatchStatus idle() {
        return new WatchStatus(false, null, null, null, List.of(), List.of(), List.of(),
                new LiveSetTrend(0, -1, -1, null, false, -1, null, "not watching"),
                List.of("not watching: POST /watch/start to take a snapshot every interval and look for steady growth"));
    }

    private static String describe(WatchSettings s) {
        return "intervalSeconds=" + s.intervalSeconds() + ", keep=" + s.keep() + ", minGrowingIntervals="
                + s.minGrowingIntervals();
    }
}
