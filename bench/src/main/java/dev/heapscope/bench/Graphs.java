package dev.heapscope.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The deep-size benchmarks' graph, built one way for all of them. */
final class Graphs {

    /** String keys in the map of {@link #hashMapOfLists()}. */
    static final int KEYS = 100_000;
    /** Integers per list. */
    static final int VALUES_PER_KEY = 10;

    private Graphs() {
    }

    /**
     * A HashMap of 100,000 String keys, each mapped to an ArrayList of 10 Integers past the Integer cache
     * (every value its own object): 1,500,002 objects, 33,768,640 bytes with compressed oops.
     */
    static Map<String, List<Integer>> hashMapOfLists() {
        Map<String, List<Integer>> root = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            List<Integer> values = new ArrayList<>(VALUES_PER_KEY);
            for (int j = 0; j < VALUES_PER_KEY; j++) {
                values.add(1_000 + i * VALUES_PER_KEY + j);
            }
            root.put("key-" + i, values);
        }
        return root;
    }
}
