package example.leakyshop;

import example.cli.WholeNumber;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The demo's command line: {@code [--port N] [--leaks on|off]}, parsed by picocli. */
@Command(name = "java -jar heapscope-demo.jar", sortOptions = false,
        description = "Starts a small shop with three memory leaks under synthetic traffic, heapscope embedded.")
final class DemoArgs {

    static final int DEFAULT_PORT = 7070;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT, converter = Port.class,
            description = "the port heapscope listens on at 127.0.0.1, 0..65535 (default ${DEFAULT-VALUE};"
                    + " 0 = any free port)")
    private int port;

    @Option(names = "--leaks", paramLabel = "on|off", arity = "1", converter = OnOff.class,
            description = "run the three leaks (default on); off leaves only the healthy churn")
    private Leaks leaks = Leaks.ON;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this message")
    private boolean help;

    /** 0..65535; 0 picks a free port. */
    int port() {
        return port;
    }

    /** Whether the three leaks run (off: only the healthy churn, the run to compare with). */
    boolean leaks() {
        return leaks == Leaks.ON;
    }

    /** Not a boolean: picocli reads a boolean option's value as true or false before any converter. */
    enum Leaks { ON, OFF }

    static final class Port implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return WholeNumber.inRange("port", value, 0, 65_535);
        }
    }

    static final class OnOff implements CommandLine.ITypeConverter<Leaks> {
        @Override
        public Leaks convert(String value) {
            return switch (value) {
                case "on" -> Leaks.ON;
                case "off" -> Leaks.OFF;
                default -> throw new TypeConversionException("--leaks takes on or off, not '" + value + "'");
            };
        }
    }
}
