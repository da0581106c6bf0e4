package dev.heapscope.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The class loader heapscope runs in inside a host: its parent is the platform class loader, so heapscope
 * sees the JDK and nothing of the host's class path, and the host's loaders (which see the agent jar,
 * since {@code -javaagent} and dynamic loading append it to the system class path) see none of heapscope's
 * classes: they sit in a jar nested inside the agent jar, under {@value #NESTED}.
 *
 * <p>A {@link URLClassLoader} cannot read a jar inside a jar, so the nested one is copied once per JVM to a
 * private temporary file (owner-only permissions, deleted when the JVM exits). It holds heapscope with
 * its Jetty, Jersey, HK2, Jackson, JOL and SLF4J relocated under {@code dev.heapscope.shaded}: even a
 * heapscope thread that ran with the host's context class loader would find none of the host's Jersey.
 */
final class IsolatedLoader {

    /** The folder of the agent jar holding the nested jar, {@code heapscope-<version>.jar}. */
    static final String NESTED = "heapscope/";

    private IsolatedLoader() {
    }

    /** @throws IOException when the agent jar cannot be read or the temporary file written */
    static ClassLoader create() throws IOException {
        Path agentJar = agentJar();
        Path heapscopeJar = Files.createTempFile("heapscope-", ".jar");
        heapscopeJar.toFile().deleteOnExit();
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            ZipEntry entry = jar.stream().filter(e -> e.getName().startsWith(NESTED) && e.getName().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IOException(agentJar + " holds no " + NESTED
                            + "heapscope-*.jar: it is not a heapscope-agent.jar as built"));
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, heapscopeJar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // the agent jar too, for the agent's own runtime classes (dev.heapscope.agent.runtime), which link
        // against heapscope's
        return new URLClassLoader("heapscope", new URL[] {heapscopeJar.toUri().toURL(), agentJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
    }

    static Path agentJar() throws IOException {
        try {
            return Path.of(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate heapscope-agent.jar: " + e.getMessage(), e);
        }
    }
}
