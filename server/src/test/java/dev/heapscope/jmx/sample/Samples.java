package dev.heapscope.jmx.sample;

import dev.heapscope.HeapscopeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Values and beans for the JMX adapter's unit tests, described in this package's descriptions.properties. */
public final class Samples {

    private Samples() {
    }

    public enum Color { RED, GREEN }

    public record Part(String name, long size) {
    }

    /** One component of every kind the mapping supports, and a derived figure. */
    public record Everything(boolean flag, int count, Integer boxed, double ratio, String text, Color color,
                             Instant at, Duration took, Optional<String> maybe, OptionalLong maybeLong,
                             List<String> names, List<Part> parts, Part part, String[] tags, long[] samples) {

        public long twice() {
            return count * 2L;
        }

        public long notAnItem() {
            return 0;
        }
    }

    public record Undescribed(String name, String secret) {
    }

    public record Holder(Part part, Map<String, Long> sizes) {
    }

    public record Node(String name, List<Node> children) {
    }

    /** A bean whose operation has no description. */
    public static final class UndescribedBean {
        public void act(String what) {
        }
    }

    /** A bean whose parameter has no description. */
    public static final class UndescribedParameterBean {
        public void act(String what) {
        }
    }

    /** A bean that answers and fails. */
    public static final class AnsweringBean {
        public Part getAnswer() {
            return new Part("yes", 42);
        }

        public void fail(String kind) {
            throw switch (kind) {
                case "bad" -> new HeapscopeException.BadRequest("bad input");
                case "missing" -> new HeapscopeException.NotFound("no such thing");
                default -> new HeapscopeException.Busy("busy now", 2);
            };
        }
    }
}
