package org.stancegraph.stance;

import java.util.List;

import org.stancegraph.text.Token;

/**
 * Accusations reported as fact (GUIDELINE: "Tajikistan said the shell was fired by Kyrgyz soldiers"
 * is Tajikistan {@code oppose} Kyrgyzstan), and accusations that others back.
 *
 * <p>A hostile act that a speaker states is the speaker's position against whoever did it; the same
 * act in the journalist's own voice is none ("actions alone are not positions"). Cues of the finer
 * stance {@value #REPORTED_ACT} (to accuse of aggression) read the act; this class finds where its report is attributed: a
 * reporting verb before it in the same clause ("Ukraine's border service reported an artillery
 * barrage by Russian troops"), "according to", a reporting verb after it (", the ministry said") or a
 * headline's colon ("Kyrgyzstan: Tajik forces opened fire"). The engine resolves the speaker there,
 * or takes the speaker of the quotation the act stands in.
 *
 * <p>Backing an accusation is a position against the accused, not support of the accuser: in "a
 * claim denied by Rwanda but supported by the United States", an oppose cue whose actor stands in a
 * slot after it ("supported by $A") fires only after a claim noun, and its target is the accused of the
 * accusation the claim stands for.
 */
final class ReportedActs {

    static final String REPORTED_ACT = "accuse-of-aggression";

    /** How many words a claim noun may stand before the word that backs it: ", a claim denied by Rwanda, but supported by". */
    private static final int CLAIM_REACH = 8;

    /** How many words after a comma a trailing attribution may take: ", the Thai ministry of public health said". */
    private static final int TRAILING_REACH = 10;

    /** How many tokens may follow a trailing reporting verb: "said on Monday ." / "said in a statement .". */
    private static final int TRAILING_TAIL = 5;

    private ReportedActs() {}

    static boolean reportsAnAct(Cue cue) {
        return cue.stance().key().equals(REPORTED_ACT);
    }

    static boolean backsAnAccusation(Cue cue) {
        return cue.stanceClass() == StanceClass.OPPOSE && cue.hasActorSlot();
    }

    /**
     * The reporting verb whose complement holds the act at {@code act}: the nearest one before it
     * with no clause boundary between ("Armenia said that Azerbaijani forces shelled ..."); -1 when none.
     */
    static int reportingVerbBefore(List<Token> tokens, int act, CueBook book) {
        for (int i = act - 1; i >= 0; i--) {
            String w = tokens.get(i).folded();
            if (book.is("clause-boundary", w)) {
                return -1;
            }
            if (reports(w, book) && !w.equals("according")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when the act is the content of a claim noun before it in its clause ("the reports that
     * Azerbaijani forces seized ... are not true"): someone else's claim, which the speaker may deny. A
     * reporting verb between them starts a report of the speaker's own ("said the claims that ... were
     * false and said that Chinese forces attacked").
     */
    static boolean insideAClaim(List<Token> tokens, int clauseStart, int act, CueBook book) {
        int from = Math.max(clauseStart, reportingVerbBefore(tokens, act, book));
        for (int i = act - 2; i >= from; i--) {
            if (book.is("claim-noun", tokens.get(i).folded()) && tokens.get(i + 1).folded().equals("that")) {
                return true;
            }
        }
        return false;
    }

    /** The token after "according to" in the sentence; -1 when there is none. */
    static int afterAccordingTo(List<Token> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).folded().equals("according") && tokens.get(i + 1).folded().equals("to")) {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * The comma that opens a trailing attribution after the act (", the ministry said." / ", said the
     * ministry on Monday."): the last comma after {@code from}, followed within a few words by a reporting
     * verb that either follows the comma at once or ends the sentence but for a few words. ", and Germany
     * said it stood by Armenia" is a clause of its own, no attribution; -1 when none.
     */
    static int trailingAttribution(List<Token> tokens, int from, CueBook book) {
        for (int i = tokens.size() - 1; i > from; i--) {
            if (!tokens.get(i).folded().equals(",")) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + TRAILING_REACH); k++) {
                String w = tokens.get(k).folded();
                if (w.equals("and") || w.equals("but")) {
                    return -1;
                }
                if (reports(w, book)) {
                    return k == i + 1 || tokens.size() - k <= TRAILING_TAIL ? i : -1;
                }
            }
            return -1; // only the last comma of the sentence opens an attribution
        }
        return -1;
    }

    /** True when a claim noun stands shortly before the word that backs it. */
    static boolean backsAClaim(List<Token> tokens, int backing, CueBook book) {
        for (int i = backing - 1; i >= Math.max(0, backing - CLAIM_REACH); i--) {
            if (book.is("claim-noun", tokens.get(i).folded())) {
                return true;
            }
        }
        return false;
    }

    /** "Armenia's troops were attacked": a form of "be" right before the act's verb makes its subject the victim. */
    static boolean passive(List<Token> tokens, int act, CueBook book) {
        return act > 0 && book.is("passive-auxiliary", tokens.get(act - 1).folded());
    }

    private static boolean reports(String w, CueBook book) {
        return book.is("reporting-verb", w) || book.is("act-reporting-verb", w);
    }
}
