package dev.heapscope.watch;

import java.util.HashMap;
import java.util.Map;

/**
 * Names (types, sites) to small ids, one string kept per name for the whole watch, so that the watch's
 * own memory does not grow with every snapshot it takes (it would show up as growth in the very histograms
 * it judges). Bounded: past its capacity new names get no id and are not judged.
 */
final class NameTable {

    private final String[] names;
    private final Map<String, Integer> ids;
    private int size;

    NameTable(int capacity) {
        names = new String[capacity];
        ids = new HashMap<>(capacity * 4 / 3 + 1);
    }

    /** The name's id, adding it if there is room; -1 when the table is full. */
    int idOf(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (size == names.length) {
            return -1;
        }
        names[size] = name;
        ids.put(name, size);
        return size++;
    }

    String name(int id) {
        return names[id];
    }

    int size() {
        return size;
    }

    int capacity() {
        return names.length;
    }

    boolean full() {
        return size == names.length;
    }
}
