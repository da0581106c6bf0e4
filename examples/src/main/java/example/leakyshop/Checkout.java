package example.leakyshop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Healthy churn: a checkout builds an order, prices it and renders a receipt, and all of it is garbage
 * a moment later. It allocates more than the leaks do, so the leaks have to be found among the noise:
 * heapscope's allocated view ranks this first, its live view does not.
 */
final class Checkout {

    record Line(String sku, int quantity, long cents) {
    }

    /** Checks out a random cart and returns the receipt's length. */
    static int checkoutOnce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Line> lines = new ArrayList<>();
        for (int i = 0, n = 5 + random.nextInt(20); i < n; i++) {
            lines.add(new Line("sku-" + random.nextInt(1000), 1 + random.nextInt(4), 100 + random.nextInt(10_000)));
        }
        lines.sort(Comparator.comparingLong(Line::cents).reversed());
        return receipt(lines).length();
    }

    private static String receipt(List<Line> lines) {
        StringBuilder receipt = new StringBuilder();
        long total = 0;
        for (Line line : lines) {
            long cents = line.cents() * line.quantity();
            total += cents;
            receipt.append(String.format("%-10s x%d %10.2f%n", line.sku(), line.quantity(), cents / 100.0));
        }
        return receipt.append(String.format("TOTAL %18.2f%n", total / 100.0)).toString();
    }
}
