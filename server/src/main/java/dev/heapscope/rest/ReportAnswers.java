package dev.heapscope.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.ref.WeakReference;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The REST answers of reports of stored snapshots, each built once: the core computes a report of a
 * snapshot once and keeps it (its report cache); this keeps that report's wire model and its JSON, so that
 * dozens of clients polling a comparison cost a copy of bytes each, not a model and a serialisation on a
 * host that may be busy. Keyed by the identity of the core's report, which it holds weakly: once the core
 * drops a report (a deleted snapshot, its cache's eviction) and a collection clears it, its answer is let go
 * at the next request for any report (a scan of the {@value #SLOTS} slots, not a reference queue: a queue is
 * fed later by the JDK's reference handler, so a cleared report's answer could outlive a request or two). At
 * most {@value #SLOTS} answers, each at most {@value #MAX_JSON_BYTES} bytes of JSON (a larger one is serialised
 * per request, and its serialisation here stops at the bound).
 */
final class ReportAnswers {

    static final int SLOTS = 32;
    static final int MAX_JSON_BYTES = 512 * 1024;

    /** An answer: the wire model (for other media types, such as text) and its JSON. */
    record Answer(Object model, byte[] json) {
    }

    /** A slot's content: the core's report, held weakly, and its answer (null: its JSON is over the bound). */
    private static final class Held extends WeakReference<Object> {
        final Answer answer;

        Held(Object report, Answer answer) {
            super(report);
            this.answer = answer;
        }
    }

    private final ObjectMapper json;
    private final AtomicReferenceArray<Held> slots = new AtomicReferenceArray<>(SLOTS);

    ReportAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The answer for {@code report}, built with {@code toModel} unless held; a model whose JSON exceeds
     * {@value #MAX_JSON_BYTES} bytes is answered as the model itself.
     */
    <R> Object of(R report, Function<? super R, ?> toModel) {
        letGoOfDropped();
        int slot = System.identityHashCode(report) & (SLOTS - 1);
        Held held = slots.get(slot);
        if (held != null && held.get() == report) {
            return held.answer != null ? held.answer : toModel.apply(report);
        }
        Object model = Objects.requireNonNull(toModel.apply(report));
        Bounded bytes = new Bounded();
        try {
            json.writeValue(bytes, model);
        } catch (IOException | RuntimeException e) {
            if (bytes.exceeded) {
                // written per request from now on; its JSON was begun here once, only up to the bound
                slots.set(slot, new Held(report, null));
                return model;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("a report's model could not be written as JSON", (IOException) e);
        }
        Answer answer = new Answer(model, bytes.toByteArray());
        slots.set(slot, new Held(report, answer));
        return answer;
    }

    // the answers of reports the core no longer holds: nobody can ask for them again
    private void letGoOfDropped() {
        for (int slot = 0; slot < SLOTS; slot++) {
            Held held = slots.get(slot);
            if (held != null && held.refersTo(null)) {
                slots.compareAndSet(slot, held, null);
            }
        }
    }

    /**
     * JSON up to {@value #MAX_JSON_BYTES} bytes: past it, writing stops at once with an exception (which
     * Jackson may wrap in its own) and {@link #exceeded} says why.
     */
    private static final class Bounded extends ByteArrayOutputStream {

        boolean exceeded;

        @Override
        public void write(int b) {
            ensureRoom(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensureRoom(len);
            super.write(b, off, len);
        }

        private void ensureRoom(int len) {
            if (count + len > MAX_JSON_BYTES) {
                exceeded = true;
                throw new UncheckedIOException(new IOException("a report's JSON is over " + MAX_JSON_BYTES
                        + " bytes"));
            }
        }
    }

    /**
     * The wire model of an entity that may be an answer, for the writers of other media types (text,
     * Graphviz), which accept an answer whose model they render.
     */
    static Object modelOf(Object entity) {
        return entity instanceof Answer answer ? answer.model() : entity;
    }

    /** The answers held, to count them in heapscope's own memory. */
    Object held() {
        Object[] answers = new Object[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            Held held = slots.get(i); // read once: a request may empty the slot meanwhile
            answers[i] = held == null ? null : held.answer;
        }
        return answers;
    }

    /** Writes an answer's JSON as it is. */
    @Produces(MediaType.APPLICATION_JSON)
    static final class JsonWriter implements MessageBodyWriter<Answer> {

        @Override
        public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
            return type == Answer.class && mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        }

        @Override
        public void writeTo(Answer answer, Class<?> type, Type generic, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
                throws IOException {
            // the length is known: no chunked encoding (Jersey ignores getSize since JAX-RS 2.0)
            headers.putSingle("Content-Length", answer.json().length);
            out.write(answer.json());
        }
    }
}
