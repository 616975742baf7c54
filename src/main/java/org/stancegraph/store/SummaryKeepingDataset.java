package org.stancegraph.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.QueryEngineTDB;

/**
 * The store as the server offers it: reads and writes go to the TDB2 dataset, and every write transaction
 * (an authenticated SPARQL Update, a Graph Store PUT, POST or DELETE) rebuilds the stance summary from the
 * statements just before it commits, in the same transaction. A client may change any graph, so what a
 * write touched is not known here; rebuilding the whole summary is the simplest choice that is always right.
 * Its cost grows with the statements of the store (every support and opposition statement is read once).
 *
 * <p>Queries are still answered by TDB2's own query engine (which handles the union default graph and
 * its indexes): the engine accepts only TDB2 datasets, so a factory hands it the wrapped dataset.
 */
final class SummaryKeepingDataset extends DatasetGraphWrapper {

    static {
        QueryEngineRegistry.addFactory(new TdbEngineForWrapper());
    }

    SummaryKeepingDataset(DatasetGraph tdb) {
        super(tdb);
    }

    @Override
    public void commit() {
        if (transactionMode() == ReadWrite.WRITE) {
            StanceSummary.rebuild(getWrapped());
        }
        super.commit();
    }

    /** Lets TDB2's query engine answer for the dataset this class wraps. */
    private static final class TdbEngineForWrapper implements QueryEngineFactory {
        private static QueryEngineFactory tdb() {
            return QueryEngineTDB.getFactory();
        }

        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return dataset instanceof SummaryKeepingDataset served && tdb().accept(query, served.getWrapped(), context);
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding inputBinding, Context context) {
            return tdb().create(query, ((SummaryKeepingDataset) dataset).getWrapped(), inputBinding, context);
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return dataset instanceof SummaryKeepingDataset served && tdb().accept(op, served.getWrapped(), context);
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
            return tdb().create(op, ((SummaryKeepingDataset) dataset).getWrapped(), inputBinding, context);
        }
    }
}
