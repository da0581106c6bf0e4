package dev.heapscope.jmx;

import dev.heapscope.watch.LeakWatch;
import dev.heapscope.watch.WatchSettings;
import dev.heapscope.watch.WatchStatus;

/**
 * {@code dev.heapscope:type=Watch}: the leak watch as {@code /api/v1/watch...} offers it over REST. Its public
 * methods are the MBean's attributes and operations ({@link OpenBean}), described in this package's {@code
 * descriptions.properties}; the status record is mapped as the core reports it.
 */
final class WatchBean {

    private final LeakWatch watch;

    WatchBean(LeakWatch watch) {
        this.watch = watch;
    }

    public WatchStatus getStatus() {
        return watch.status();
    }

    @Action
    public WatchStatus start(int intervalSeconds, int keep, int minGrowingIntervals) {
        // JMX has no optional arguments: 0 stands for the default, as an absent field does in REST
        return watch.start(WatchSettings.of(intervalSeconds, keep, minGrowingIntervals == 0 ? null
                : minGrowingIntervals));
    }

    @Action
    public WatchStatus startWithDefaults() {
        return watch.start(WatchSettings.defaults());
    }

    @Action
    public WatchStatus stop() {
        return watch.stop();
    }
}
