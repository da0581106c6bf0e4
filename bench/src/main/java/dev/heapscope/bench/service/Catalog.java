package dev.heapscope.bench.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The service's work, shaped like a product-search endpoint: look up a category, sort it, render a page of
 * 20 products as JSON with Jackson, and remember the page in a bounded recently-viewed cache (so that
 * some objects live on and the old generation changes slowly). About 20-30 KB of short-lived allocation
 * per request.
 */
final class Catalog {

    static final int CATEGORIES = 100;
    private static final int PAGE = 20;
    private static final int RECENT = 10_000;

    private final Map<Integer, List<Product>> byCategory = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, List<Map<String, Object>>> recent = new LinkedHashMap<>(RECENT, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Map<String, Object>>> eldest) {
            return size() > RECENT;
        }
    };
    private long served;

    Catalog(int products) {
        Random random = new Random(1);
        for (int id = 0; id < products; id++) {
            int category = id % CATEGORIES;
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(new Product(id, "product " + id,
                    category, 1 + random.nextInt(100_000) / 100.0, List.of("tag" + random.nextInt(50),
                    "tag" + random.nextInt(50)), "description of product " + id + " ".repeat(random.nextInt(160))));
        }
    }

    /** The JSON of page {@code page} of {@code category}, cheapest first. */
    byte[] search(int category, int page) {
        List<Product> sorted = new ArrayList<>(byCategory.getOrDefault(Math.floorMod(category, CATEGORIES), List.of()));
        sorted.sort(Comparator.comparingDouble(Product::price).thenComparingInt(Product::id));
        int from = Math.min(sorted.size(), Math.floorMod(page, 10) * PAGE);
        List<Map<String, Object>> items = new ArrayList<>(PAGE);
        for (Product p : sorted.subList(from, Math.min(sorted.size(), from + PAGE))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", p.id());
            item.put("name", p.name());
            item.put("price", p.price());
            item.put("tags", p.tags());
            item.put("description", p.description().strip());
            items.add(item);
        }
        synchronized (recent) {
            recent.put(served++, items);
        }
        try {
            return json.writeValueAsBytes(Map.of("category", category, "page", page, "items", items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Product(int id, String name, int category, double price, List<String> tags, String description) {
    }
}
