package example.cli;

import picocli.CommandLine.TypeConversionException;

/** A command-line value that must be a whole number in a range, with an error that names it. */
public final class WholeNumber {

    private WholeNumber() {
    }

    /**
     * @param what what the number is, as the error names it: "port", "--wait-seconds"
     * @throws TypeConversionException saying what is wrong, which picocli shows with the usage
     */
    public static int inRange(String what, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(what + " '" + value + "' is not a whole number");
        }
        if (number < min || number > max) {
            throw new TypeConversionException(what + " " + number + " is out of range " + min + ".." + max);
        }
        return number;
    }
}
