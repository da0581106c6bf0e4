package example.leakyshop;

/**
 * The demo's command line: {@code [--port N] [--leaks on|off]}.
 *
 * @param port  0..65535; 0 picks a free port
 * @param leaks whether the three leaks run (off: only the healthy churn, the run to compare with)
 * @param help  whether usage was asked for
 */
record DemoArgs(int port, boolean leaks, boolean help) {

    static final int DEFAULT_PORT = 7070;
    static final String USAGE = """
            usage: java -jar heapscope-demo.jar [--port N] [--leaks on|off]
              --port N        the port heapscope listens on at 127.0.0.1, 0..65535 (default 7070; 0 = any free port)
              --leaks on|off  run the three leaks (default on); off leaves only the healthy churn
              --help          show this message""";

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
        boolean leaks = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new DemoArgs(DEFAULT_PORT, true, true);
            } else if (arg.equals("--port")) {
                if (i + 1 == args.length) {
                    throw new UsageException("--port needs a value");
                }
                port = port(args[++i]);
            } else if (arg.startsWith("--port=")) {
                port = port(arg.substring("--port=".length()));
            } else if (arg.equals("--leaks")) {
                if (i + 1 == args.length) {
                    throw new UsageException("--leaks needs on or off");
                }
                leaks = onOff(args[++i]);
            } else if (arg.startsWith("--leaks=")) {
                leaks = onOff(arg.substring("--leaks=".length()));
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return new DemoArgs(port, leaks, false);
    }

    private static boolean onOff(String value) throws UsageException {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--leaks takes on or off, not '" + value + "'");
        };
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
