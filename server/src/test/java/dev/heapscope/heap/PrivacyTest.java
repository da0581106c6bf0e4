package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No result may carry a field value of an inspected object. */
class PrivacyTest {

    private static final String SECRET = "hunter2-s3cr3t-value";

    @Test
    void noResult_containsAFieldValue() {
        Map<String, Object> root = new HashMap<>();
        root.put(new String(SECRET), new Vault(new String(SECRET), 424242));
        HeapModel model = HeapModel.create();

        String everything = String.join("\n",
                new DeepSizeWalker(model).measure(root, WalkOptions.defaults()).toString(),
                new BackrefSearch(model).find(root, Vault.class.getName(), 10, 10, WalkOptions.defaults()).toString(),
                new BackrefSearch(model).find(root, "java.lang.String", 10, 10, WalkOptions.defaults()).toString(),
                new ReferenceTrees(model).refs(root, 6, WalkOptions.defaults()).toString(),
                new ClassLayouts().describe(Vault.class).toString());

        assertThat(everything).contains("secretField").doesNotContain(SECRET).doesNotContain("424242");
    }

    static final class Vault {
        final String secretField;
        final Integer pin;
        final List<String> copies;

        Vault(String secret, int pin) {
            this.secretField = secret;
            this.pin = pin;
            this.copies = List.of(secret);
        }
    }
}
