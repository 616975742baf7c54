package org.stancegraph.article;

/**
 * The text an article is analysed and stored with: its headline as the first paragraph, then its
 * body. The annotation guideline counts the headline as part of the article, and headlines state
 * positions ("Ruritania condemns Borduria's offensive"); a short first paragraph that the reader took
 * for the headline is the lede, which often carries the main position. Offsets of mentions and
 * statements point into this text, which the article's graph stores as its body. The article's
 * identity (its content hash) stays that of the article as read.
 */
public final class ReadText {

    private ReadText() {
    }

    /** The article with its headline, when it has one, prepended to the text as a paragraph of its own. */
    public static Article withHeadline(Article article) {
        if (article.title().isEmpty() || article.text().startsWith(article.title())) {
            return article;
        }
        String text = article.text().isEmpty() ? article.title() : article.title() + "\n\n" + article.text();
        return new Article(article.id(), article.title(), article.date(), article.outlet(), article.author(),
                article.url(), article.language(), text, article.contentHash(), article.sourceFormat());
    }
}
