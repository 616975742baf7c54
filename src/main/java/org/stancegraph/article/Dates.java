package org.stancegraph.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as news pages write them. Understood forms: ISO dates and timestamps
 * ("2020-09-28", "2020-09-28T18:13:00+02:00", whose date is taken as written, in the publisher's
 * zone), numeric dates ("28/09/2020", "28.09.2020": day first unless the second number cannot be a
 * month), and English month names ("September 28, 2020",
 * "Sept. 28, 2020", "28 September 2020", "Mon 28 Sep 2020 18.13 CEST"), each optionally after a
 * label ("Updated:", "Published on") and a weekday, and followed by a time and zone.
 */
public final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final String MONTH_NAME = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?<year>\\d{4})";

    private static final String LABEL = "(?:(?:last\\s+)?updated|(?:first\\s+)?published|posted|date)(?:\\s+on)?\\s*:?\\s*";
    private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)";
    private static final String TIME = "(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?"
            + "(?:\\s*(?:[A-Z]{2,5}|(?:GMT|UTC)?[+-]\\d{1,2}(?::?\\d{2})?))?)?";

    /**
     * One way of writing a date, with groups year, month (number or name) and day, or, for
     * numeric dates whose order is ambiguous, year, first and second.
     *
     * @param whole    the date as the whole of a line, with optional label, weekday, time and zone
     * @param anywhere the date inside longer text
     */
    private record Form(Pattern whole, Pattern anywhere, boolean numeric) {
        static Form of(String date) {
            return new Form(
                    Pattern.compile("(?:" + LABEL + ")?" + WEEKDAY + "?(?:" + date + ")" + TIME + "\\.?", Pattern.CASE_INSENSITIVE),
                    Pattern.compile("(?<![\\p{L}\\d])(?:" + date + ")(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE),
                    date.contains("(?<first>"));
        }
    }

    /** The date forms, tried in this order. */
    private static final List<Form> FORMS = List.of(
            Form.of(YEAR + "-(?<month>\\d{1,2})-(?<day>\\d{1,2})"
                    + "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
            Form.of("(?<first>\\d{1,2})[/.](?<second>\\d{1,2})[/.]" + YEAR),
            Form.of(MONTH_NAME + "\\s+" + DAY + ",?\\s+" + YEAR),
            Form.of(DAY + "\\s+(?:of\\s+)?" + MONTH_NAME + ",?\\s+" + YEAR));

    private Dates() {
    }

    /**
     * The date when the whole of {@code text} is one date, perhaps with a label, weekday, time and
     * zone around it ("Updated: 28/09/2020", "Mon 28 Sep 2020 18.13 CEST").
     */
    public static Optional<LocalDate> parse(String text) {
        String candidate = text.strip();
        for (Form form : FORMS) {
            Matcher matcher = form.whole().matcher(candidate);
            if (matcher.matches()) {
                Optional<LocalDate> date = date(form, matcher);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /** The first date written anywhere in {@code text}, for lines that carry more than a date (bylines). */
    public static Optional<LocalDate> find(String text) {
        int bestStart = Integer.MAX_VALUE;
        Optional<LocalDate> best = Optional.empty();
        for (Form form : FORMS) {
            Matcher matcher = form.anywhere().matcher(text);
            while (matcher.find() && matcher.start() < bestStart) {
                Optional<LocalDate> date = date(form, matcher);
                if (date.isPresent()) {
                    bestStart = matcher.start();
                    best = date;
                    break;
                }
            }
        }
        return best;
    }

    private static Optional<LocalDate> date(Form form, Matcher matcher) {
        try {
            int year = Integer.parseInt(matcher.group("year"));
            if (form.numeric()) {
                int first = Integer.parseInt(matcher.group("first"));
                int second = Integer.parseInt(matcher.group("second"));
                // Day first, as most of the world's press writes it; month first only when the
                // second number cannot be a month.
                return second > 12 ? Optional.of(LocalDate.of(year, first, second)) : Optional.of(LocalDate.of(year, second, first));
            }
            String month = matcher.group("month");
            int monthNumber = Character.isDigit(month.charAt(0))
                    ? Integer.parseInt(month)
                    : MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
            return Optional.of(LocalDate.of(year, monthNumber, Integer.parseInt(matcher.group("day"))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
