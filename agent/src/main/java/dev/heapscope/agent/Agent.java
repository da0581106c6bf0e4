package dev.heapscope.agent;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;

/**
 * The entry points the JVM calls: {@code premain} for {@code -javaagent:heapscope-agent.jar[=options]},
 * {@code agentmain} when {@code java -jar heapscope-agent.jar start|stop <pid>} loads the agent into a
 * running JVM. Only JDK classes are used here: heapscope itself, with its Jetty, Jersey and Jackson, runs in
 * a class loader of its own ({@link IsolatedLoader}) that the host's class loaders cannot see.
 *
 * <p>Neither entry point ever throws or takes the host down: a bad option, a port in use, any failure
 * prints one line to the host's stderr ({@code heapscope: not started: <why>}), is left in the system
 * property {@value #ERROR_PROPERTY} for the command line to report, and the application runs on without
 * heapscope.
 */
public final class Agent {

    /** Set in the host while the agent's heapscope runs: {@code http://HOST:PORT}. */
    public static final String URL_PROPERTY = "heapscope.agent.url";
    /** Set in the host when the last start or stop failed: the reason, in one line. */
    public static final String ERROR_PROPERTY = "heapscope.agent.error";

    private static final String RUNTIME = "dev.heapscope.agent.runtime.AgentRuntime";

    // premain and every agentmain (a start, a stop, a start again) are separate calls into this class,
    // which the system class loader loads once per JVM: its statics are the one place they meet. One
    // agent-started heapscope per JVM; the loader is kept after a stop, so a later start loads nothing again.
    private static ClassLoader loader;
    private static AutoCloseable running;

    private Agent() {
    }

    /** {@code -javaagent:heapscope-agent.jar[=port=7070,host=127.0.0.1,tokenFile=...,maxSnapshots=32,tracing=on,roots=...]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        run(AgentCommand.START, options == null ? "" : options, instrumentation);
    }

    /** {@code start[,options]} or {@code stop}, as the command line passes them. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        String args = arguments == null ? "" : arguments.trim();
        AgentCommand command = AgentCommand.START;
        String options = args;
        int comma = args.indexOf(',');
        String first = comma < 0 ? args : args.substring(0, comma);
        if (first.equals("start") || first.equals("stop")) {
            command = first.equals("stop") ? AgentCommand.STOP : AgentCommand.START;
            options = comma < 0 ? "" : args.substring(comma + 1);
        }
        run(command, options, instrumentation);
    }

    private static synchronized void run(AgentCommand command, String options, Instrumentation instrumentation) {
        System.clearProperty(ERROR_PROPERTY);
        try {
            if (command == AgentCommand.STOP) {
                stop();
            } else if (running == null) {
                start(options, instrumentation);
            }
        } catch (Throwable failure) {
            // never rethrow: whatever happened, the host runs on without heapscope
            String reason = oneLine(failure);
            System.setProperty(ERROR_PROPERTY, reason);
            PrintStream err = System.err;
            err.println("heapscope: " + (command == AgentCommand.STOP ? "not stopped: " : "not started: ") + reason);
            err.flush();
        }
    }

    private static void start(String options, Instrumentation instrumentation) throws Exception {
        if (loader == null) {
            loader = IsolatedLoader.create();
        }
        Class<?> runtime = Class.forName(RUNTIME, true, loader);
        running = withContextLoader(() -> (AutoCloseable) runtime
                .getMethod("start", String.class, Instrumentation.class).invoke(null, options, instrumentation));
    }

    private static void stop() throws Exception {
        if (running == null) {
            return;
        }
        AutoCloseable stopping = running;
        running = null;
        withContextLoader(() -> {
            stopping.close();
            return null;
        });
    }

    private static <T> T withContextLoader(Call<T> call) throws Exception {
        // Jersey and HK2 find their services through the context class loader: the host's (with the host's
        // Jersey 2, say) must never answer while heapscope starts or stops
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String oneLine(Throwable failure) {
        Throwable shown = failure instanceof InvocationTargetException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = shown.getMessage();
        String text = message == null || message.isBlank() ? shown.getClass().getName()
                : shown instanceof RuntimeException || shown instanceof java.io.IOException ? message
                : shown.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private enum AgentCommand { START, STOP }
}
