package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.HeapscopeException;
import dev.heapscope.heap.paths.Registry;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    // heapscope never initialises a class: the fixture is initialised here, as the host's use would
    static final String REGISTRY = Registry.INSTANCE.getClass().getName();

    final FieldPaths paths = new FieldPaths(null);

    @Test
    void resolve_followsStaticThenInstanceFields() {
        Object sessions = paths.resolve(REGISTRY, "INSTANCE.sessions", null);
        Object names = paths.resolve(REGISTRY, "INSTANCE.holder.names", null);

        assertThat(sessions).isInstanceOf(HashMap.class).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("a");
        assertThat(names).isInstanceOf(ArrayList.class);
    }

    @Test
    void resolve_readsJdkInternalFields_withoutAddOpens() {
        Object table = paths.resolve(REGISTRY, "INSTANCE.sessions.table", null);

        assertThat(table.getClass().isArray()).isTrue();
    }

    @Test
    void resolve_isNotFound_whenNoLoaderHasTheClass() {
        assertThatThrownBy(() -> paths.resolve("com.example.NoSuchClass", "INSTANCE", null))
                .isInstanceOf(HeapscopeException.NotFound.class)
                .hasMessage("class com.example.NoSuchClass is not loaded (by any class loader)");
    }

    @Test
    void resolve_namesTheStep_whenAFieldIsMissing() {
        assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANCE.holder.nmaes", null))
                .isInstanceOf(HeapscopeException.NotFound.class)
                .hasMessage("step 3 'INSTANCE.holder.nmaes': " + Registry.Holder.class.getName()
                        + " has no field 'nmaes'");
        assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANZ", null))
                .isInstanceOf(HeapscopeException.NotFound.class)
                .hasMessage("step 1 'INSTANZ': class " + REGISTRY + " has no static field 'INSTANZ'");
    }

    @Test
    void resolve_namesTheStep_whenAValueOnTheWayIsNull() {
        assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANCE.empty.names", null))
                .isInstanceOf(HeapscopeException.NotFound.class)
                .hasMessage("step 2 'INSTANCE.empty': field 'empty' of " + REGISTRY + " is null");
        assertThatThrownBy(() -> paths.resolve(REGISTRY, "missing", null))
                .isInstanceOf(HeapscopeException.NotFound.class)
                .hasMessage("step 1 'missing': static field 'missing' of " + REGISTRY
                        + " is null (or its class is not initialised yet)");
    }

    @Test
    void resolve_refusesPrimitivesAndMalformedInput() {
        assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANCE.count", null))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("is a int, not an object");
        assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANCE..sessions", null))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("fieldPath 'INSTANCE..sessions' is invalid");
        assertThatThrownBy(() -> paths.resolve("not a class", "INSTANCE", null))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("is not a binary class name");
    }

    @Test
    void resolve_conflictsListingLoaders_andClassLoaderPicksOne() throws Exception {
        URL classes = Registry.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader second = new URLClassLoader("second-copy", new URL[] {classes},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = Class.forName(REGISTRY, true, second);
            CountDownLatch done = new CountDownLatch(1);
            // embedded, heapscope finds other loaders through the host's threads' context loaders
            Thread user = new Thread(() -> awaitQuietly(done), "second-copy-user");
            user.setContextClassLoader(second);
            user.setDaemon(true);
            user.start();
            try {
                assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANCE", null))
                        .isInstanceOf(HeapscopeException.Conflict.class)
                        .hasMessageContaining("is loaded by 2 class loaders: ")
                        .hasMessageContaining("'app' (jdk.internal.loader.ClassLoaders$AppClassLoader@")
                        .hasMessageContaining("'second-copy' (java.net.URLClassLoader@")
                        .hasMessageEndingWith("pick one with classLoader (its name or identity string)");

                Object picked = paths.resolve(REGISTRY, "INSTANCE", "second-copy");
                Object byIdentity = paths.resolve(REGISTRY, "INSTANCE", ClassLoaderNames.identity(second));
                Object app = paths.resolve(REGISTRY, "INSTANCE", "app");

                assertThat(picked.getClass()).isSameAs(copy);
                assertThat(byIdentity).isSameAs(picked);
                assertThat(app).isSameAs(Registry.INSTANCE);
                assertThatThrownBy(() -> paths.resolve(REGISTRY, "INSTANCE", "third"))
                        .isInstanceOf(HeapscopeException.NotFound.class)
                        .hasMessageContaining("is not loaded by a class loader named 'third'");
            } finally {
                done.countDown();
                user.join();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
