package org.stancegraph.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules that tell page furniture from article text, read from a tab-separated file
 * ({@code data/boilerplate.tsv}: kind, Java regular expression, comment). The file explains each
 * kind; {@link Articles} applies them in the order of {@link Kind}.
 */
public final class Boilerplate {

    /** What a rule does with a line it matches. */
    public enum Kind {
        /** The whole line matches: it and everything after it are not article text (comment forms). */
        END(true, false),
        /** The whole line, near the top, is a byline; group 1 is the author. */
        BYLINE(true, true),
        /** The whole line names the publisher; group 1 is the outlet. */
        OUTLET(true, true),
        /** The whole line is furniture and is dropped. */
        DROP(true, false),
        /** A photo credit found in the line: the line is dropped, and when the credit starts the line, the caption line just above it too. */
        CREDIT(false, false),
        /** Inline markup: every match is replaced by its group 1. */
        UNWRAP(false, true),
        /** The whole line is a heading; group 1 is its text. */
        HEADING(true, true),
        /** Removed from the end of a title, repeatedly (a section or site name after the headline). */
        TITLE_SUFFIX(false, false);

        /** Whether the pattern must match the whole (trimmed) line rather than be found inside it. */
        final boolean wholeLine;
        final boolean needsGroup;

        Kind(boolean wholeLine, boolean needsGroup) {
            this.wholeLine = wholeLine;
            this.needsGroup = needsGroup;
        }

        static Kind named(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * One rule: its pattern, and a literal that every match must contain (written at the start of a
     * whole-line pattern, anywhere for a found one), so that the many lines without it skip the regex.
     * An empty literal means none was found, and the pattern always runs.
     */
    record Rule(Pattern pattern, String literal, boolean ignoreCase) {
        static Rule of(Pattern pattern) {
            String source = pattern.pattern();
            boolean ignoreCase = source.startsWith("(?i)");
            return new Rule(pattern, requiredLiteral(source, ignoreCase ? 4 : 0), ignoreCase);
        }

        /** False only when the line cannot match: it lacks the literal (at its start, for a whole-line rule). */
        boolean mayMatch(String line, boolean wholeLine) {
            if (literal.isEmpty()) {
                return true;
            }
            if (wholeLine) {
                return line.regionMatches(ignoreCase, 0, literal, 0, literal.length());
            }
            if (!ignoreCase) {
                return line.contains(literal);
            }
            for (int i = 0; i + literal.length() <= line.length(); i++) {
                // Looser than the regex's ASCII-only case folding, never stricter: a line it refuses cannot match.
                if (line.regionMatches(true, i, literal, 0, literal.length())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The plain characters a pattern opens with (after {@code ^} or {@code \b}), up to the first construct
         * that is not a single literal character; a character made optional or repeated by a quantifier
         * is left out. A pattern with an alternative at its top level requires no literal.
         */
        static String requiredLiteral(String source, int from) {
            if (hasTopLevelAlternative(source)) {
                return "";
            }
            int i = from;
            if (source.startsWith("^", i)) {
                i++;
            } else if (source.startsWith("\\b", i)) {
                i += 2;
            }
            StringBuilder literal = new StringBuilder();
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\' && i + 1 < source.length() && !Character.isLetterOrDigit(source.charAt(i + 1))) {
                    literal.append(source.charAt(i + 1));
                    i += 2;
                } else if (".[](){}*+?|^$\\".indexOf(c) < 0) {
                    literal.append(c);
                    i++;
                } else {
                    break;
                }
                if (i < source.length() && "?*+{".indexOf(source.charAt(i)) >= 0) {
                    literal.setLength(literal.length() - 1);
                    break;
                }
            }
            return literal.toString();
        }

        private static boolean hasTopLevelAlternative(String source) {
            int depth = 0;
            boolean inClass = false;
            for (int i = 0; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<Kind, List<Rule>> rules;

    private Boilerplate(Map<Kind, List<Rule>> rules) {
        this.rules = rules;
    }

    /**
     * Reads a rules file. Lines that are blank or start with "#" are comments; the first other line
     * is the header. A bad line fails with a message naming file, line and reason.
     */
    public static Boilerplate load(Path file) {
        Map<Kind, List<Rule>> rules = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            rules.put(kind, new ArrayList<>());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (!line.startsWith("kind\tpattern")) {
                        throw bad(file, number, "expected the header \"kind<TAB>pattern<TAB>comment\"");
                    }
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 2 || columns[1].isEmpty()) {
                    throw bad(file, number, "expected kind<TAB>pattern<TAB>comment");
                }
                Kind kind;
                try {
                    kind = Kind.named(columns[0]);
                } catch (IllegalArgumentException e) {
                    throw bad(file, number, "unknown kind \"" + columns[0] + "\" (known: " + List.of(Kind.values()).toString().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
                }
                Pattern pattern;
                try {
                    pattern = Pattern.compile(columns[1]);
                } catch (PatternSyntaxException e) {
                    throw bad(file, number, "bad regular expression: " + e.getDescription() + " near index " + e.getIndex());
                }
                if (kind.needsGroup && pattern.matcher("").groupCount() < 1) {
                    throw bad(file, number, "a " + columns[0] + " rule needs a capturing group");
                }
                rules.get(kind).add(Rule.of(pattern));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read boilerplate rules " + file + ": " + e.getMessage(), e);
        }
        rules.replaceAll((kind, patterns) -> List.copyOf(patterns));
        return new Boilerplate(rules);
    }

    private static IllegalArgumentException bad(Path file, long line, String reason) {
        return new IllegalArgumentException(file + ":" + line + ": " + reason);
    }

    /** The rules of one kind, in file order. */
    List<Rule> rules(Kind kind) {
        return rules.get(kind);
    }

    /** Whether some rule of {@code kind} matches the line (whole or inside it, as the kind says). */
    boolean matches(Kind kind, String line) {
        for (Rule rule : rules.get(kind)) {
            if (!rule.mayMatch(line, kind.wholeLine)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(line);
            if (kind.wholeLine ? matcher.matches() : matcher.find()) {
                return true;
            }
        }
        return false;
    }

    /** Group 1 of the first whole-line rule of {@code kind} that matches, stripped. */
    Optional<String> capture(Kind kind, String line) {
        for (Rule rule : rules.get(kind)) {
            if (!rule.mayMatch(line, true)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(line);
            if (matcher.matches() && matcher.group(1) != null && !matcher.group(1).isBlank()) {
                return Optional.of(matcher.group(1).strip());
            }
        }
        return Optional.empty();
    }

    /** Where the first credit rule matches in the line, or -1 when none does. */
    int creditStart(String line) {
        int start = -1;
        for (Rule rule : rules.get(Kind.CREDIT)) {
            if (!rule.mayMatch(line, false)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(line);
            if (matcher.find() && (start < 0 || matcher.start() < start)) {
                start = matcher.start();
            }
        }
        return start;
    }

    /** The line with every inline markup rule applied in file order. */
    String unwrap(String line) {
        String text = line;
        for (Rule rule : rules.get(Kind.UNWRAP)) {
            if (!rule.mayMatch(text, false)) {
                continue;
            }
            text = rule.pattern().matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) == null ? "" : match.group(1)));
        }
        return text;
    }

    /** The title without section or site suffixes. */
    String trimTitle(String title) {
        String trimmed = title;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule rule : rules.get(Kind.TITLE_SUFFIX)) {
                if (!rule.mayMatch(trimmed, false)) {
                    continue;
                }
                Matcher matcher = rule.pattern().matcher(trimmed);
                if (matcher.find() && matcher.start() > 0) {
                    trimmed = trimmed.substring(0, matcher.start()).strip();
                    changed = true;
                }
            }
        }
        return trimmed;
    }
}
