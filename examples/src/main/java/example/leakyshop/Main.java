package example.leakyshop;

import java.io.PrintStream;
import picocli.CommandLine;

/**
 * {@code java -jar heapscope-demo.jar [--port N] [--leaks on|off]}: starts the leaky shop with heapscope embedded, prints
 * where heapscope listens and what to try, and runs until Ctrl-C or SIGTERM, which close heapscope
 * cleanly.
 */
public final class Main {

    /** Exit status for a command line that cannot be understood. */
    static final int EXIT_USAGE = 2;
    /** Exit status when the demo cannot start, e.g. the port is taken. */
    static final int EXIT_FAILED = 1;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoArgs demoArgs = new DemoArgs();
        CommandLine parser = new CommandLine(demoArgs);
        try {
            parser.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("heapscope-demo: " + e.getMessage());
            parser.usage(System.err);
            System.exit(EXIT_USAGE);
            return;
        }
        if (parser.isUsageHelpRequested()) {
            parser.usage(System.out);
            return;
        }
        LeakyShop shop;
        try {
            shop = LeakyShop.start(demoArgs.port(), demoArgs.leaks(), System.err);
        } catch (RuntimeException e) {
            System.err.println("heapscope-demo: cannot start: " + e.getMessage());
            System.exit(EXIT_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(shop, System.out), "leakyshop-shutdown"));
        Banner.print(shop.port(), demoArgs.leaks(), System.out);
        // heapscope's and the traffic's threads are daemons: this thread keeps the service up
        Thread.currentThread().join();
    }

    private static void stop(LeakyShop shop, PrintStream out) {
        out.println("stopping: closing heapscope");
        out.flush();
        try {
            shop.close();
            out.println("heapscope closed");
        } catch (RuntimeException e) {
            // a shutdown hook's exception would vanish with the JVM: say what failed to close
            out.println("heapscope did not close cleanly: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        }
        out.flush();
    }
}
