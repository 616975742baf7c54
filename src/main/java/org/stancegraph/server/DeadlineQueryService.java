package org.stancegraph.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Fuseki's SPARQL query service with the time limit counted from the request's arrival, so that
 * reading and planning the query use up the same budget as running it, and with planning bounded.
 *
 * <p>ARQ's timeout starts with the execution and is only checked between rows, while every algebra
 * transformation ARQ applies while planning (compiling, renaming, property functions, optimising) is
 * quadratic in the length of an argument list: a 140,000-item {@code IN (...)} spends minutes being
 * planned before the first check, even with the optimiser off. A query with an argument list longer
 * than {@link #LONGEST_ARGUMENT_LIST} is therefore refused (400); long lists of values belong in
 * {@code VALUES}, which is a table, not an expression.
 */
final class DeadlineQueryService extends SPARQL_QueryDataset {

    /** Most arguments of one function call (an IN list): planning 10,000 takes some 40 ms. */
    static final int LONGEST_ARGUMENT_LIST = 10_000;

    private final Duration timeLimit;

    DeadlineQueryService(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        int longest = longestArgumentList(query);
        if (longest > LONGEST_ARGUMENT_LIST) {
            ServletOps.errorBadRequest("a function call or IN list of " + longest + " items, over the limit of "
                    + LONGEST_ARGUMENT_LIST + ": put long lists of values in VALUES");
        }
    }

    /**
     * A body sent without a declared length is cut by the request size limit while it is read;
     * Fuseki would report that as a server error (500): it is the client's request that is too large.
     */
    @Override
    protected void executeBody(HttpAction action) {
        try {
            super.executeBody(action);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof HttpException http && http.getCode() == HttpStatus.PAYLOAD_TOO_LARGE_413) {
                    ServletOps.error(HttpStatus.PAYLOAD_TOO_LARGE_413, "the request is larger than the server accepts");
                }
            }
            throw e;
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long spentMillis = (System.nanoTime() - action.getStartTime()) / 1_000_000;
        long remainingMillis = timeLimit.toMillis() - spentMillis;
        if (remainingMillis <= 0) {
            ServletOps.error(503, "the query time limit of " + timeLimit.toSeconds() + " s was spent reading the request");
        }
        // The action's context is a copy made for this request: changing it changes nothing for others.
        action.getContext().set(ARQ.queryTimeout, Long.toString(remainingMillis));
        return super.createQueryExec(action, query, dataset);
    }

    /** The largest number of arguments of any function call in {@code query}, its subqueries included. */
    static int longestArgumentList(Query query) {
        int[] longest = {0};
        ExprVisitorBase arguments = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN function) {
                longest[0] = Math.max(longest[0], function.numArgs());
            }
        };
        for (Expr expr : topLevelExpressions(query)) {
            Walker.walk(expr, arguments);
        }
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementFilter filter) {
                    Walker.walk(filter.getExpr(), arguments);
                }

                @Override
                public void visit(ElementBind bind) {
                    Walker.walk(bind.getExpr(), arguments);
                }

                @Override
                public void visit(ElementAssign assign) {
                    Walker.walk(assign.getExpr(), arguments);
                }

                @Override
                public void visit(ElementSubQuery subQuery) {
                    longest[0] = Math.max(longest[0], longestArgumentList(subQuery.getQuery()));
                }
            });
        }
        return longest[0];
    }

    private static List<Expr> topLevelExpressions(Query query) {
        List<Expr> exprs = new ArrayList<>(query.getProject().getExprs().values());
        if (query.hasGroupBy()) {
            exprs.addAll(query.getGroupBy().getExprs().values());
        }
        if (query.hasHaving()) {
            exprs.addAll(query.getHavingExprs());
        }
        if (query.hasOrderBy()) {
            query.getOrderBy().stream().map(SortCondition::getExpression).forEach(exprs::add);
        }
        return exprs;
    }
}
