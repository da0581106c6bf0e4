package dev.heapscope.tracing;

import dev.heapscope.heap.TypeNames;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedObject;

/**
 * Reads the reference chain JFR attaches to an old-object sample ({@code jdk.types.OldObject} and its
 * {@code referrer} links) into a {@link ReferenceChain}.
 *
 * <p>Privacy: an {@code OldObject}'s {@code description} can carry values (a String's text, a
 * collection's size, a thread's name). It is read only for a {@code Class} object, whose description
 * is its class name, and for a thread root, whose description is the thread's name.
 */
final class ChainReader {

    private static final String CLASS_DESCRIPTION = "Class Name: ";

    private ChainReader() {
    }

    /**
     * The chain from the sampled object to its root. A reference from a static field ends the chain
     * there: JFR would continue past the field through the class's {@code Class} object into its class
     * loader, which says nothing about the leak.
     *
     * @param sampled the event's {@code object} (an {@code OldObject})
     * @param root    the event's {@code root} ({@code OldObjectGcRoot}), null when JFR found none
     */
    static ReferenceChain read(RecordedObject sampled, RecordedObject root) {
        List<Hop> hops = new ArrayList<>();
        boolean skipped = false;
        RecordedObject object = sampled;
        while (object != null) {
            RecordedObject referrer = object.getValue("referrer");
            if (referrer == null) {
                break;
            }
            RecordedObject holder = referrer.getValue("object");
            RecordedObject field = referrer.getValue("field");
            RecordedObject array = referrer.getValue("array");
            int skip = referrer.getInt("skip");
            skipped |= skip > 0;
            if (field != null && Modifier.isStatic(field.getInt("modifiers"))) {
                return new ReferenceChain(hops, staticFieldRoot(field.getString("name"), holder), skipped);
            }
            if (holder == null) {
                break;
            }
            hops.add(new Hop(typeOf(holder),
                    field == null ? null : field.getString("name"),
                    array == null ? null : array.getInt("index"),
                    skip));
            object = holder;
        }
        if (root == null) {
            return new ReferenceChain(hops, new GcRoot(GcRoot.OTHER, "no root found within the search cutoff"), true);
        }
        return new ReferenceChain(hops, GcRoots.of(root), skipped);
    }

    private static GcRoot staticFieldRoot(String fieldName, RecordedObject classMirror) {
        String description = classMirror == null ? null : classMirror.getString("description");
        String className = description != null && description.startsWith(CLASS_DESCRIPTION)
                ? description.substring(CLASS_DESCRIPTION.length()).trim()
                : "unknown";
        return new GcRoot(GcRoot.STATIC_FIELD, "static field " + fieldName + " of class " + className);
    }

    private static String typeOf(RecordedObject oldObject) {
        RecordedClass type = oldObject.getValue("type");
        return type == null ? "unknown" : TypeNames.readable(type.getName());
    }
}
