#!/usr/bin/python3
"""Who supports whom, from a running StanceGraph server, into pandas and a chart.

Runs the project's own query, queries/who-supports-whom.rq, against the server's read-only
SPARQL endpoint with SPARQLWrapper, prints the result as CSV (one row per actor and target,
in the query's order) and draws the strongest pairs, support and opposition, into a PNG.

    /usr/bin/python3 examples/python/who_supports_whom.py [ENDPOINT] [OUTPUT.png]

ENDPOINT defaults to http://127.0.0.1:3030/stancegraph/sparql (what `./stancegraph start`
serves), OUTPUT.png to who-supports-whom.png.
"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: draw straight into the file
import matplotlib.pyplot as plt
import pandas as pd
from SPARQLWrapper import JSON, SPARQLWrapper

DEFAULT_ENDPOINT = "http://127.0.0.1:3030/stancegraph/sparql"
DEFAULT_OUTPUT = "who-supports-whom.png"
QUERY_FILE = Path(__file__).resolve().parents[2] / "queries" / "who-supports-whom.rq"
COUNTS = ["supporting", "opposing", "articles"]
PAIRS_DRAWN = 15


def who_supports_whom(endpoint):
    """The query's rows as a DataFrame: its columns in its order, unbound values missing."""
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(QUERY_FILE.read_text(encoding="utf-8"))
    sparql.setReturnFormat(JSON)
    answer = sparql.query().convert()
    columns = answer["head"]["vars"]
    rows = [{c: b[c]["value"] if c in b else None for c in columns} for b in answer["results"]["bindings"]]
    frame = pd.DataFrame(rows, columns=columns)
    frame[COUNTS] = frame[COUNTS].astype(int)
    return frame


def draw(frame, output):
    """The pairs with the most statements (the query sorts them first), support and opposition stacked."""
    top = frame.head(PAIRS_DRAWN).iloc[::-1]  # barh draws bottom-up: strongest at the top
    labels = top["actor"] + " → " + top["target"]
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(top) + 1.5))
    ax.barh(labels, top["supporting"], color="#2e8b57", label="supporting")
    ax.barh(labels, top["opposing"], left=top["supporting"], color="#c0392b", label="opposing")
    ax.set_xlabel("statements")
    ax.set_title("Who supports whom: the %d strongest pairs" % len(top))
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(output, format="png", dpi=100)
    plt.close(fig)


def main(argv):
    endpoint = argv[1] if len(argv) > 1 else DEFAULT_ENDPOINT
    output = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    frame = who_supports_whom(endpoint)
    frame.to_csv(sys.stdout, index=False)
    if frame.empty:
        print("no pairs: is anything loaded? nothing drawn", file=sys.stderr)
        return 1
    draw(frame, output)
    print("wrote %s: %d of %d pairs" % (output, min(PAIRS_DRAWN, len(frame)), len(frame)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
