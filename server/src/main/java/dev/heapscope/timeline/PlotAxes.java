package dev.heapscope.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Readable axis ticks for the timeline plot: round byte sizes in MiB or GiB, round times of day in UTC. */
final class PlotAxes {

    static final long MIB = 1024L * 1024;
    static final long GIB = 1024L * MIB;

    private static final long[] TIME_STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600,
            7200, 10_800, 21_600, 43_200, 86_400, 2 * 86_400, 7 * 86_400};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private PlotAxes() {
    }

    /** A byte tick: its value and its label. */
    record Tick(double value, String label) {
    }

    /** The top of the byte axis: a round number of the unit at or above {@code maxBytes}, and its ticks. */
    static List<Tick> byteTicks(long maxBytes) {
        long unit = maxBytes >= 2 * GIB ? GIB : MIB;
        String unitName = unit == GIB ? "GiB" : "MiB";
        double top = Math.max(1, maxBytes / (double) unit);
        double step = niceStep(top / 5);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i * step < top + step * 0.999 && ticks.size() < 12; i++) {
            double value = i * step;
            String number = step >= 1 ? String.format(Locale.ROOT, "%.0f", value)
                    : String.format(Locale.ROOT, "%.1f", value);
            ticks.add(new Tick(value * unit, number + " " + unitName));
        }
        return ticks;
    }

    /** Tick times: round multiples of a step that gives about 6 to 10 ticks between the two moments. */
    static List<Instant> timeTicks(Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        long step = TIME_STEPS_SECONDS[TIME_STEPS_SECONDS.length - 1];
        for (long candidate : TIME_STEPS_SECONDS) {
            if (span / candidate <= 8) {
                step = candidate;
                break;
            }
        }
        List<Instant> ticks = new ArrayList<>();
        long first = Math.floorDiv(from.getEpochSecond() + step - 1, step) * step;
        for (long t = first; t <= to.getEpochSecond() && ticks.size() < 12; t += step) {
            ticks.add(Instant.ofEpochSecond(t));
        }
        return ticks;
    }

    /** A tick's label: seconds when the ticks are seconds apart, the day when they are days apart. */
    static String timeLabel(Instant time, Instant from, Instant to) {
        long span = to.getEpochSecond() - from.getEpochSecond();
        if (span <= 600) {
            return SECONDS.format(time);
        }
        return span < 2 * 86_400 ? MINUTES.format(time) : DAYS.format(time);
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= rough) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
