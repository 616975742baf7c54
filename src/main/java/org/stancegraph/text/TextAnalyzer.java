package org.stancegraph.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * Splits article text into sentences and tokens with OpenNLP's English models (trained on
 * the Universal Dependencies English Web Treebank), and tags parts of speech on request.
 *
 * <p>Sentences never cross a line break: news text puts headlines, captions and
 * paragraphs on lines of their own, and a sentence detector would otherwise glue a
 * headline to the first sentence. Part-of-speech tagging costs about a hundred times
 * more than tokenising, so it is done only for the sentences a caller asks about.
 *
 * <p>The models are loaded once and shared; the OpenNLP tools built on them are not
 * thread-safe, so each thread gets its own.
 */
public final class TextAnalyzer {

    private static final SentenceModel SENTENCE_MODEL = load("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    private static final TokenizerModel TOKEN_MODEL = load("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
    private static final POSModel POS_MODEL = load("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);

    private static final ThreadLocal<SentenceDetectorME> SENTENCES = ThreadLocal.withInitial(() -> new SentenceDetectorME(SENTENCE_MODEL));
    private static final ThreadLocal<TokenizerME> TOKENIZER = ThreadLocal.withInitial(() -> new TokenizerME(TOKEN_MODEL));
    private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS_MODEL));
    private static final ThreadLocal<SettlingTagger> SETTLING_TAGGER = ThreadLocal.withInitial(() -> new SettlingTagger(POS_MODEL));

    private static final Pattern LINE = Pattern.compile("[^\\n]+");

    private static final int[] NO_CUTS = new int[0];
    private static final int MAX_REMEMBERED_WORDS = 200_000;
    /** Words already tokenized, shared by all threads: see {@link #wordOf}. */
    private static final Map<String, Word> WORDS = new ConcurrentHashMap<>();

    private TextAnalyzer() {}

    /** The sentences of {@code text}, each with its tokens, offsets into {@code text}. */
    public static List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            String lineText = line.group();
            if (lineText.isBlank()) {
                continue;
            }
            for (Span span : SENTENCES.get().sentPosDetect(lineText)) {
                int begin = line.start() + span.getStart();
                int end = line.start() + span.getEnd();
                String sentenceText = text.substring(begin, end);
                sentences.add(new Sentence(sentences.size(), begin, end, sentenceText, tokens(sentenceText, begin)));
            }
        }
        return sentences;
    }

    /** Universal Dependencies part-of-speech tags (NOUN, VERB, PROPN, ...) of the sentence's tokens. */
    public static String[] partsOfSpeech(Sentence sentence) {
        String[] words = sentence.tokens().stream().map(Token::text).toArray(String[]::new);
        return TAGGER.get().tag(words);
    }

    /**
     * The part-of-speech tag of one token of the sentence: the tag {@link #partsOfSpeech} gives it,
     * found by tagging only as far into the sentence as that tag needs (see {@link SettlingTagger}).
     */
    public static String partOfSpeech(Sentence sentence, int token) {
        String[] words = sentence.tokens().stream().map(Token::text).toArray(String[]::new);
        return SETTLING_TAGGER.get().tagOf(words, token);
    }

    /**
     * {@link POSTaggerME}'s tagging (the model's beam search, step for step, with the same context
     * generator, validator and order of candidates) that stops as soon as the tag of one token is
     * settled. Each step extends only the best sequences of the step before, so once all of those
     * agree on the token's tag, every sequence after them, the final best one included, has that tag.
     * A cue word is rarely at the end of its sentence, and the beam agrees on a word a token or two
     * after it: most of the sentence is never evaluated.
     */
    private static final class SettlingTagger {
        /** What the beam search passes to the context generator when a caller gives no extra context. */
        private static final Object[] NO_ADDITIONAL_CONTEXT = new Object[0];
        /** The beam search's floor for a sequence's log score. */
        private static final double MIN_SEQUENCE_SCORE = -100000;

        private final MaxentModel model;
        private final int beamSize;
        private final POSContextGenerator contexts;
        private final SequenceValidator<String> validator;
        private final double[] probs;
        private final double[] kLargest;

        SettlingTagger(POSModel posModel) {
            String declared = posModel.getManifestProperty("BeamSize");
            this.beamSize = declared == null ? POSTaggerME.DEFAULT_BEAM_SIZE : Integer.parseInt(declared);
            if (!(posModel.getArtifact("pos.model") instanceof MaxentModel maxent)) {
                throw new IllegalStateException("the part-of-speech model is not a maximum entropy model");
            }
            this.model = maxent;
            this.contexts = posModel.getFactory().getPOSContextGenerator(beamSize);
            this.validator = posModel.getFactory().getSequenceValidator();
            this.probs = new double[model.getNumOutcomes()];
            this.kLargest = new double[beamSize];
        }

        String tagOf(String[] words, int token) {
            PriorityQueue<Sequence> best = new PriorityQueue<>(beamSize);
            PriorityQueue<Sequence> candidates = new PriorityQueue<>(beamSize);
            best.add(new Sequence());
            for (int i = 0; i < words.length; i++) {
                List<Sequence> extended = new ArrayList<>(beamSize);
                for (int k = Math.min(beamSize, best.size()); k > 0; k--) {
                    extended.add(best.remove());
                }
                if (i > token && agreeOn(extended, token)) {
                    return extended.get(0).getOutcome(token);
                }
                for (Sequence sequence : extended) {
                    extend(sequence, i, words, candidates);
                }
                best.clear();
                PriorityQueue<Sequence> swap = best;
                best = candidates;
                candidates = swap;
            }
            if (best.isEmpty()) {
                throw new IllegalStateException("the part-of-speech tagger found no sequence for \"" + String.join(" ", words) + "\"");
            }
            return best.remove().getOutcome(token);
        }

        private static boolean agreeOn(List<Sequence> sequences, int token) {
            String tag = sequences.get(0).getOutcome(token);
            for (Sequence sequence : sequences) {
                if (!sequence.getOutcome(token).equals(tag)) {
                    return false;
                }
            }
            return true;
        }

        /** One sequence's share of a step of {@code opennlp.tools.ml.BeamSearch.bestSequences}, as written there. */
        private void extend(Sequence sequence, int i, String[] words, PriorityQueue<Sequence> candidates) {
            String[] outcomes = sequence.getOutcomes().toArray(new String[0]);
            double[] scores = model.eval(contexts.getContext(i, words, outcomes, NO_ADDITIONAL_CONTEXT), probs);
            double threshold = kthLargest(scores, Math.min(beamSize, scores.length));
            for (int p = 0; p < scores.length; p++) {
                if (scores[p] >= threshold) {
                    offer(sequence, i, words, outcomes, model.getOutcome(p), scores[p], candidates);
                }
            }
            if (candidates.isEmpty()) {
                for (int p = 0; p < scores.length; p++) {
                    offer(sequence, i, words, outcomes, model.getOutcome(p), scores[p], candidates);
                }
            }
        }

        /**
         * The value BeamSearch takes as its threshold, {@code sorted[length - k]} of the sorted scores,
         * without sorting them all: for every sequence of every step, and the beam is a few of the
         * model's outcomes.
         */
        private double kthLargest(double[] scores, int k) {
            double[] top = kLargest; // descending; filled up to k
            int filled = 0;
            for (double score : scores) {
                int at = filled < k ? filled++ : k;
                while (at > 0 && Double.compare(top[at - 1], score) < 0) {
                    if (at < k) {
                        top[at] = top[at - 1];
                    }
                    at--;
                }
                if (at < k) {
                    top[at] = score;
                }
            }
            return top[k - 1];
        }

        private void offer(Sequence sequence, int i, String[] words, String[] outcomes, String outcome, double score,
                           PriorityQueue<Sequence> candidates) {
            if (validator.validSequence(i, words, outcomes, outcome)) {
                Sequence longer = new Sequence(sequence, outcome, score);
                if (longer.getScore() > MIN_SEQUENCE_SCORE) {
                    candidates.add(longer);
                }
            }
        }
    }

    /** The words of a short phrase as the tokenizer splits them; dictionaries use it to match phrases token by token. */
    public static List<String> words(String phrase) {
        return tokens(phrase, 0).stream().map(Token::text).toList();
    }

    private static List<Token> tokens(String sentenceText, int offset) {
        List<Token> tokens = new ArrayList<>();
        forEachWord(sentenceText, (wordStart, wordEnd) -> {
            int at = offset + wordStart;
            for (Token piece : wordOf(sentenceText.substring(wordStart, wordEnd)).pieces()) {
                // The remembered strings themselves: equal text, and their hashes already computed for the later stages.
                tokens.add(new Token(piece.text(), at + piece.begin(), at + piece.end(), tokens.size(), piece.folded()));
            }
        });
        return List.copyOf(tokens);
    }

    /**
     * The spans {@link TokenizerME#tokenizePos} gives for {@code sentenceText}, computed word by word
     * through the memory of {@link #wordOf}.
     */
    static List<Span> statisticalSpans(String sentenceText) {
        List<Span> spans = new ArrayList<>();
        forEachWord(sentenceText, (wordStart, wordEnd) -> {
            int pieceStart = wordStart;
            for (int cut : wordOf(sentenceText.substring(wordStart, wordEnd)).cuts()) {
                spans.add(new Span(pieceStart, wordStart + cut));
                pieceStart = wordStart + cut;
            }
            spans.add(new Span(pieceStart, wordEnd));
        });
        return spans;
    }

    /** Start and end offsets of one whitespace-separated word. */
    private interface WordSpan {
        void accept(int start, int end);
    }

    /** Each run of characters that are not white space, as the tokenizer's own first step (WhitespaceTokenizer) defines it. */
    private static void forEachWord(String text, WordSpan word) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && StringUtil.isWhitespace(text.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < n && !StringUtil.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > wordStart) {
                word.accept(wordStart, i);
            }
        }
    }

    /**
     * One whitespace-separated word as the analyzer cuts it: where the statistical tokenizer cuts it,
     * and its tokens after hyphens and possessives are split off, offsets inside the word.
     */
    private record Word(int[] cuts, List<Token> pieces) {}

    /**
     * A word, remembered: every stage after this one reads the tokens' text and folded form, and news
     * text repeats its words, so a word met before costs one lookup (see {@link #cutsOf} for why the
     * cuts depend on the word alone; hyphens and possessives are split within a word too).
     */
    private static Word wordOf(String word) {
        Word known = WORDS.get(word);
        if (known != null) {
            return known;
        }
        int[] cuts = cutsOf(word);
        List<Token> pieces = new ArrayList<>();
        int pieceStart = 0;
        for (int k = 0; k <= cuts.length; k++) {
            int pieceEnd = k < cuts.length ? cuts[k] : word.length();
            addSplittingHyphens(pieces, word, new Span(pieceStart, pieceEnd), 0);
            pieceStart = pieceEnd;
        }
        Word cut = new Word(cuts, List.copyOf(pieces));
        if (WORDS.size() >= MAX_REMEMBERED_WORDS) {
            WORDS.clear(); // bounded memory on an endless stream of new words; the answers do not change
        }
        WORDS.put(word, cut);
        return cut;
    }

    /**
     * Where the statistical tokenizer cuts one whitespace-separated word (offsets inside the word,
     * the word's end not included); {@link #wordOf} remembers them per word.
     *
     * <p>{@link TokenizerME} splits text at white space and then decides, character by character,
     * where to cut each word; that decision is computed from the word alone (the model's context
     * generator sees only the word, the model has no alphanumeric shortcut and no abbreviation
     * dictionary that looks further). So the cuts of a word are a function of the word, and a word
     * met before is not evaluated again: identical tokens, and news text repeats its words.
     */
    private static int[] cutsOf(String word) {
        if (word.length() < 2) {
            return NO_CUTS;
        }
        Span[] spans = TOKENIZER.get().tokenizePos(word);
        if (spans.length == 0 || spans[0].getStart() != 0 || spans[spans.length - 1].getEnd() != word.length()) {
            throw new IllegalStateException("tokenizer did not cover \"" + word + "\"");
        }
        int[] cuts = new int[spans.length - 1];
        for (int k = 1; k < spans.length; k++) {
            if (spans[k].getStart() != spans[k - 1].getEnd()) {
                throw new IllegalStateException("tokenizer left a gap inside \"" + word + "\"");
            }
            cuts[k - 1] = spans[k].getStart();
        }
        return cuts.length == 0 ? NO_CUTS : cuts;
    }

    /**
     * The tokenizer splits some hyphenated words ("mutual - defence") and keeps others whole
     * ("Russia-mediated"); splitting them all makes names and cues match the same way in both.
     */
    private static void addSplittingHyphens(List<Token> tokens, String sentenceText, Span span, int offset) {
        int start = span.getStart();
        for (int i = span.getStart(); i < span.getEnd(); i++) {
            if (sentenceText.charAt(i) == '-' && span.getEnd() - span.getStart() > 1) {
                if (i > start) {
                    addSplittingPossessive(tokens, sentenceText, new Span(start, i), offset);
                }
                tokens.add(new Token("-", offset + i, offset + i + 1, tokens.size()));
                start = i + 1;
            }
        }
        if (start < span.getEnd()) {
            addSplittingPossessive(tokens, sentenceText, new Span(start, span.getEnd()), offset);
        }
    }

    /**
     * The tokenizer keeps "Turkey's" as one token; the possessive is split off so that
     * dictionary names match and the clause logic sees the possessive marker.
     */
    private static void addSplittingPossessive(List<Token> tokens, String sentenceText, Span span, int offset) {
        String word = sentenceText.substring(span.getStart(), span.getEnd());
        int cut = possessiveCut(word);
        if (cut > 0) {
            tokens.add(new Token(word.substring(0, cut), offset + span.getStart(), offset + span.getStart() + cut, tokens.size()));
            tokens.add(new Token(word.substring(cut), offset + span.getStart() + cut, offset + span.getEnd(), tokens.size()));
        } else {
            tokens.add(new Token(word, offset + span.getStart(), offset + span.getEnd(), tokens.size()));
        }
    }

    private static int possessiveCut(String word) {
        int n = word.length();
        if (n > 2 && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')
                && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')) {
            return n - 2;
        }
        return -1;
    }

    @FunctionalInterface
    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = TextAnalyzer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenNLP model " + resource, e);
        }
    }
}
