package dev.heapscope.jmx;

import javax.management.ObjectName;

/**
 * One MXBean as {@link JmxBeans} registers it.
 *
 * @param name   where it is registered
 * @param mbean  the described MXBean
 * @param attach subscribes its notifications to the core, run after registering
 * @param detach unsubscribes them, run before unregistering
 */
record ManagedBean(ObjectName name, DescribedMBean mbean, Runnable attach, Runnable detach) {
}
