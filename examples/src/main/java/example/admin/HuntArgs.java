package example.admin;

import example.cli.WholeNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** LeakHunt's command line: {@code [--url URL] [--wait-seconds N]}, parsed by picocli. */
@Command(name = "java -cp heapscope-demo.jar example.admin.LeakHunt", sortOptions = false,
        description = "Takes two snapshots of a service some seconds apart and prints what grew between them.")
final class HuntArgs {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:7070/api/v1", converter = Url.class,
            description = "heapscope's REST API (default ${DEFAULT-VALUE})")
    private URI url;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "20", converter = Seconds.class,
            description = "how long to let the service run between the snapshots, 1..3600 (default ${DEFAULT-VALUE})")
    private Duration pause;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this message")
    private boolean help;

    /** heapscope's REST API, e.g. {@code http://127.0.0.1:7070/api/v1}. */
    URI url() {
        return url;
    }

    /** How long the service runs between the two snapshots. */
    Duration pause() {
        return pause;
    }

    static final class Url implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI url;
            try {
                url = new URI(value);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("url '" + value + "' is not a URL: " + e.getReason());
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new TypeConversionException("url '" + value + "' is not an http(s) URL with a host");
            }
            return url;
        }
    }

    static final class Seconds implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofSeconds(WholeNumber.inRange("--wait-seconds", value, 1, 3600));
        }
    }
}
