package org.stancegraph.stance;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * English inflections of a cue word, so that a cue written once as a lemma ("condemn",
 * "accuse", "ally") matches "condemns", "condemned", "condemning", "accuses", "allies".
 * Generating the forms of a few hundred cue lemmas is cheaper and more predictable than
 * lemmatising every token of every article; irregular forms are listed in the cue file.
 */
final class Morphology {
    private Morphology() {}

    private static final String VOWELS = "aeiou";

    static Set<String> forms(String lemma) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lemma);
        if (lemma.length() < 3 || !lemma.chars().allMatch(Character::isLetter)) {
            return forms;
        }
        char last = lemma.charAt(lemma.length() - 1);
        String stem = lemma.substring(0, lemma.length() - 1);
        // third person / plural
        if (last == 'y' && !VOWELS.contains(String.valueOf(lemma.charAt(lemma.length() - 2)))) {
            forms.add(stem + "ies");
            forms.add(stem + "ied");
            forms.add(lemma + "ing");
            return forms;
        }
        if (lemma.endsWith("s") || lemma.endsWith("sh") || lemma.endsWith("ch") || lemma.endsWith("x") || lemma.endsWith("z")) {
            forms.add(lemma + "es");
        } else {
            forms.add(lemma + "s");
        }
        if (last == 'e') {
            forms.add(lemma + "d");
            forms.add(stem + "ing");
            return forms;
        }
        forms.add(lemma + "ed");
        forms.add(lemma + "ing");
        if (doublesFinalConsonant(lemma)) {
            forms.add(lemma + last + "ed");
            forms.add(lemma + last + "ing");
        }
        return forms;
    }

    /** stop → stopped, but not visit → visitted: only short words ending consonant-vowel-consonant. */
    private static boolean doublesFinalConsonant(String w) {
        int n = w.length();
        if (n < 3 || n > 5) {
            return false;
        }
        char c1 = w.charAt(n - 3);
        char v = w.charAt(n - 2);
        char c2 = w.charAt(n - 1);
        return !VOWELS.contains(String.valueOf(c1)) && VOWELS.contains(String.valueOf(v))
                && !VOWELS.contains(String.valueOf(c2)) && "wxy".indexOf(c2) < 0;
    }
}
