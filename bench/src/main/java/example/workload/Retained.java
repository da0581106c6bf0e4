package example.workload;

/** Objects a host keeps, allocated outside dev.heapscope so that heapscope counts them as the host's. */
public final class Retained {

    private Retained() {
    }

    /** {@code count} arrays of {@code size} bytes, for the caller to keep. */
    public static byte[][] arrays(int count, int size) {
        byte[][] arrays = new byte[count][];
        for (int i = 0; i < count; i++) {
            arrays[i] = new byte[size];
        }
        return arrays;
    }
}
