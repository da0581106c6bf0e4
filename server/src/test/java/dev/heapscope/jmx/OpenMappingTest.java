package dev.heapscope.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.jmx.sample.Samples.Color;
import dev.heapscope.jmx.sample.Samples.Everything;
import dev.heapscope.jmx.sample.Samples.Holder;
import dev.heapscope.jmx.sample.Samples.Node;
import dev.heapscope.jmx.sample.Samples.Part;
import dev.heapscope.jmx.sample.Samples.Undescribed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

class OpenMappingTest {

    static final Everything FULL = new Everything(true, 3, 4, 0.5, "text", Color.GREEN,
            Instant.parse("2025-01-31T12:00:00Z"), Duration.ofSeconds(2), Optional.of("yes"), OptionalLong.of(7),
            List.of("a", "b"), List.of(new Part("p", 10), new Part("q", 20)), new Part("r", 30),
            new String[] {"x"}, new long[] {1, 2});

    @Test
    void of_mapsEveryComponentKind_toItsOpenType() throws Exception {
        CompositeType type = (CompositeType) OpenMapping.of(Everything.class).openType();

        assertThat(type.getTypeName()).isEqualTo(Everything.class.getName());
        assertThat(type.getType("flag")).isEqualTo(SimpleType.BOOLEAN);
        assertThat(type.getType("count")).isEqualTo(SimpleType.INTEGER);
        assertThat(type.getType("boxed")).isEqualTo(SimpleType.INTEGER);
        assertThat(type.getType("ratio")).isEqualTo(SimpleType.DOUBLE);
        assertThat(type.getType("color")).isEqualTo(SimpleType.STRING);
        assertThat(type.getType("at")).isEqualTo(SimpleType.STRING);
        assertThat(type.getType("took")).isEqualTo(SimpleType.LONG);
        assertThat(type.getType("maybe")).isEqualTo(SimpleType.STRING);
        assertThat(type.getType("maybeLong")).isEqualTo(SimpleType.LONG);
        assertThat(type.getType("names")).isEqualTo(ArrayType.getArrayType(SimpleType.STRING));
        assertThat(type.getType("tags")).isEqualTo(ArrayType.getArrayType(SimpleType.STRING));
        assertThat(type.getType("samples")).isEqualTo(ArrayType.getPrimitiveArrayType(long[].class));
        CompositeType part = (CompositeType) type.getType("part");
        assertThat(part.keySet()).containsExactlyInAnyOrder("name", "size");
        assertThat(type.getType("parts")).isEqualTo(ArrayType.getArrayType(part));
        assertThat(type.getType("twice")).isEqualTo(SimpleType.LONG);
        assertThat(type.keySet()).doesNotContain("notAnItem");
    }

    @Test
    void of_describesTheRecordAndEveryItem_fromItsPackagesDescriptions() {
        CompositeType type = (CompositeType) OpenMapping.of(Everything.class).openType();

        assertThat(type.getDescription()).isEqualTo("one component of every kind");
        assertThat(type.getDescription("took")).isEqualTo("a duration, ms");
        assertThat(type.getDescription("twice")).isEqualTo("count times two");
        assertThat(((CompositeType) type.getType("part")).getDescription("size")).isEqualTo("its size, bytes");
    }

    @Test
    void toOpen_convertsEveryKind() {
        CompositeData data = (CompositeData) OpenMapping.of(Everything.class).toOpen(FULL);

        assertThat(data.get("flag")).isEqualTo(true);
        assertThat(data.get("color")).isEqualTo("GREEN");
        assertThat(data.get("at")).isEqualTo("2025-01-31T12:00:00Z");
        assertThat(data.get("took")).isEqualTo(2000L);
        assertThat(data.get("maybe")).isEqualTo("yes");
        assertThat(data.get("maybeLong")).isEqualTo(7L);
        assertThat((String[]) data.get("names")).containsExactly("a", "b");
        assertThat((CompositeData[]) data.get("parts")).extracting(p -> p.get("size")).containsExactly(10L, 20L);
        assertThat(((CompositeData) data.get("part")).get("name")).isEqualTo("r");
        assertThat((long[]) data.get("samples")).containsExactly(1, 2);
        assertThat(data.get("twice")).isEqualTo(6L);
    }

    @Test
    void toOpen_keepsNullsAsNull_andEmptyListsAsEmptyArrays() {
        Everything sparse = new Everything(false, 0, null, 0, null, null, null, null, Optional.empty(),
                OptionalLong.empty(), List.of(), List.of(), null, null, null);

        CompositeData data = (CompositeData) OpenMapping.of(Everything.class).toOpen(sparse);

        assertThat(data.get("boxed")).isNull();
        assertThat(data.get("text")).isNull();
        assertThat(data.get("at")).isNull();
        assertThat(data.get("maybe")).isNull();
        assertThat(data.get("maybeLong")).isNull();
        assertThat(data.get("part")).isNull();
        assertThat(data.get("tags")).isNull();
        assertThat((String[]) data.get("names")).isEmpty();
        assertThat((CompositeData[]) data.get("parts")).isEmpty();
        assertThat(OpenMapping.of(Everything.class).toOpen(null)).isNull();
    }

    @Test
    void toOpen_givesDataThatSerializesWithJdkClassesOnly() throws Exception {
        Object data = OpenMapping.of(Everything.class).toOpen(FULL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }

        try (ObjectInputStream in = new JdkOnlyInput(bytes.toByteArray())) {
            assertThat(in.readObject()).isEqualTo(data);
        }
    }

    /** Reads as a remote console would, which has none of heapscope's classes. */
    static final class JdkOnlyInput extends ObjectInputStream {
        JdkOnlyInput(byte[] bytes) throws java.io.IOException {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws java.io.IOException,
                ClassNotFoundException {
            if (!desc.getName().matches("(\\[+L)?javax?\\..*|\\[+[A-Z]")) {
                throw new ClassNotFoundException(desc.getName() + " is not a JDK class");
            }
            return super.resolveClass(desc);
        }
    }

    @Test
    void of_refusesAnUndescribedComponent_namingRecordAndComponent() {
        assertThatThrownBy(() -> OpenMapping.of(Undescribed.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Samples$Undescribed.secret has no description");
    }

    @Test
    void of_refusesAMap_namingRecordAndComponent() {
        assertThatThrownBy(() -> OpenMapping.of(Holder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Holder.class.getName() + ".sizes").hasMessageContaining("java.util.Map");
    }

    @Test
    void of_refusesARecordThatContainsItself() {
        assertThatThrownBy(() -> OpenMapping.of(Node.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Node.class.getName() + ".children").hasMessageContaining("contains itself");
    }

    @Test
    void of_buildsEachClassOnce() {
        assertThat(OpenMapping.of(Everything.class)).isSameAs(OpenMapping.of(Everything.class));
    }
}
