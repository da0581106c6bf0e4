package example.leakyshop;

/**
 * The demo's command line: {@code [--port N]}.
 *
 * @param port 0..65535; 0 picks a free port
 * @param help whether usage was asked for
 */
record DemoArgs(int port, boolean help) {

    static final int DEFAULT_PORT = 7070;
    static final String USAGE = """
            usage: java -jar heapscope-demo.jar [--port N]
              --port N   the port heapscope listens on at 127.0.0.1, 0..65535 (default 7070; 0 = any free port)
              --help     show this message""";

    DemoArgs {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
        }
    }

    /** Thrown for a command line that cannot be understood; its message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static DemoArgs parse(String[] args) throws UsageException {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new DemoArgs(DEFAULT_PORT, true);
            } else if (arg.equals("--port")) {
                if (i + 1 == args.length) {
                    throw new UsageException("--port needs a value");
                }
                port = port(args[++i]);
            } else if (arg.startsWith("--port=")) {
                port = port(arg.substring("--port=".length()));
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return new DemoArgs(port, false);
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new UsageException("port " + port + " is out of range 0..65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("port '" + value + "' is not a number");
        }
    }
}
