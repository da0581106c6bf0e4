package example.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * LeakHunt's command line: {@code [--url URL] [--wait-seconds N]}.
 *
 * @param url  heapscope's REST API, e.g. {@code http://127.0.0.1:7070/api/v1}
 * @param pause how long the service runs between the two snapshots
 * @param help whether usage was asked for
 */
record HuntArgs(URI url, Duration pause, boolean help) {

    static final String DEFAULT_URL = "http://127.0.0.1:7070/api/v1";
    static final int DEFAULT_WAIT_SECONDS = 20;
    static final String USAGE = """
            usage: java -cp heapscope-demo.jar example.admin.LeakHunt [--url URL] [--wait-seconds N]
              --url URL          heapscope's REST API (default http://127.0.0.1:7070/api/v1)
              --wait-seconds N   how long to let the service run between the snapshots, 1..3600 (default 20)
              --help             show this message""";

    /** Thrown for a command line that cannot be understood; its message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static HuntArgs parse(String[] args) throws UsageException {
        URI url = URI.create(DEFAULT_URL);
        int waitSeconds = DEFAULT_WAIT_SECONDS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return new HuntArgs(url, Duration.ofSeconds(waitSeconds), true);
                }
                case "--url" -> url = url(valueAfter(args, i++));
                case "--wait-seconds" -> waitSeconds = seconds(valueAfter(args, i++));
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return new HuntArgs(url, Duration.ofSeconds(waitSeconds), false);
    }

    private static String valueAfter(String[] args, int i) throws UsageException {
        if (i + 1 == args.length) {
            throw new UsageException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static URI url(String value) throws UsageException {
        try {
            URI url = new URI(value);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new UsageException("url '" + value + "' is not an http(s) URL with a host");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new UsageException("url '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static int seconds(String value) throws UsageException {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 1 || seconds > 3600) {
                throw new UsageException("wait of " + seconds + " s is out of range 1..3600");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UsageException("wait '" + value + "' is not a whole number of seconds");
        }
    }
}
