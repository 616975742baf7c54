package org.stancegraph.source;

/** Invented input pages shared by the tests of the source and article stages. */
public final class TestPages {

    /** A news page with navigation, scripts, a comment, an aside, a form and full head metadata. */
    public static final String VALDORA = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>Ministers meet in Valdora | The Example Herald</title>
              <meta property="og:title" content="Ministers meet in Valdora to discuss grain corridor">
              <meta property="og:site_name" content="The Example Herald">
              <meta property="article:published_time" content="2021-06-02T21:30:00-04:00">
              <meta name="author" content="Priya Raman">
              <link rel="canonical" href="https://news.example.org/2021/06/ministers-meet">
              <script>var tracking = "Share this secret";</script>
              <style>body { color: red; }</style>
            </head>
            <body>
              <nav><a href="/">Home</a> <a href="/world">World</a></nav>
              <header><p>The Example Herald, since 1901</p></header>
              <main>
                <article>
                  <h1>Ministers meet in Valdora to discuss grain corridor</h1>
                  <!-- ad slot: keep empty -->
                  <p>Foreign ministers from three coastal states met in Valdora on Wednesday
                     to discuss a shared grain corridor.</p>
                  <p>"We support a corridor that is open to every ship," the host minister told reporters.</p>
                  <aside>Related: harbour fees rise again</aside>
                  <figure><img src="harbour.jpg" alt=""><figcaption>The harbour at dawn.</figcaption></figure>
                  <p>Talks will resume <a href="/next">next month</a> in a neutral city.<br>Officials declined to name it.</p>
                  <form><input name="email"><button>Subscribe</button></form>
                  <noscript>Enable JavaScript to comment.</noscript>
                </article>
              </main>
              <footer>Copyright The Example Herald</footer>
            </body>
            </html>
            """;

    private TestPages() {
    }
}
