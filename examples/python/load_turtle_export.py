#!/usr/bin/python3
"""A StanceGraph Turtle export in rdflib: statements per stance class, by a SPARQL query.

    ./stancegraph export --out exports/all --format ttl
    /usr/bin/python3 examples/python/load_turtle_export.py [exports/all/stancegraph.ttl]

Prints CSV: the stance class (support, oppose, appeal, ...) and how many statements have it,
most frequent first.
"""
import csv
import sys

from rdflib import Graph

DEFAULT_EXPORT = "exports/all/stancegraph.ttl"

STATEMENTS_PER_CLASS = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
SELECT ?class (COUNT(DISTINCT ?statement) AS ?statements)
WHERE {
  ?statement a sg:Statement ;
             sg:stanceClass ?stanceClass .
  BIND (STRAFTER(STR(?stanceClass), "/stance/") AS ?class)
}
GROUP BY ?class
ORDER BY DESC(?statements) ?class
"""


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_EXPORT
    graph = Graph()
    graph.parse(path, format="turtle")
    print("read %s: %d triples" % (path, len(graph)), file=sys.stderr)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["class", "statements"])
    for row in graph.query(STATEMENTS_PER_CLASS):
        out.writerow([str(row["class"]), int(row["statements"])])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
