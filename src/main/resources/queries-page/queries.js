// The queries page: lists the project's queries (from index.json, which the server reads from queries/),
// links each into the Fuseki UI's editor and runs it against the server's own read-only endpoint. No library.
'use strict';
(function () {
  const ENDPOINT = document.querySelector('meta[name="stancegraph-sparql"]').content;
  const DATASET = document.querySelector('meta[name="stancegraph-dataset"]').content;
  /** Rows drawn of a long answer; the rest are counted, not drawn, so a large store does not hang the page. */
  const SHOWN_ROWS = 500;
  const status = document.getElementById('status');

  /** An element with attributes and children (strings become text, never HTML). */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    children.forEach(child => element.append(child));
    return element;
  }

  /** The Fuseki UI's query editor with this text in it: the UI reads a 'query' parameter in its route. */
  function uiLink(text) {
    return '../#/dataset/' + encodeURIComponent(DATASET) + '/query?query=' + encodeURIComponent(text);
  }

  function item(query) {
    const run = el('button', { type: 'button', class: 'run' }, 'Run');
    const li = el('li', { class: 'query', id: 'query-' + query.name, 'data-name': query.name },
      el('h2', {}, el('code', {}, query.name)),
      el('p', { class: 'description' }, query.description),
      el('div', { class: 'actions' },
        run,
        el('a', { class: 'open', href: uiLink(query.text) }, 'Open in the UI'),
        el('a', { class: 'file', href: query.name + '.rq' }, query.name + '.rq')),
      el('details', {}, el('summary', {}, 'Query text'), el('pre', {}, query.text)),
      el('div', { class: 'result', 'aria-live': 'polite' }));
    run.addEventListener('click', () => runQuery(query, li));
    return li;
  }

  async function runQuery(query, li) {
    const result = li.querySelector('.result');
    li.dataset.state = 'running';
    result.replaceChildren(el('p', {}, 'Running…'));
    const started = performance.now();
    try {
      const response = await fetch(ENDPOINT, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/sparql-results+json, text/turtle;q=0.9'
        },
        body: new URLSearchParams({ query: query.text })
      });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status + ': ' + (await response.text()).trim());
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if ((response.headers.get('Content-Type') || '').includes('json')) {
        show(result, await response.json(), seconds);
      } else {
        // CONSTRUCT and DESCRIBE answer with a graph, in Turtle.
        result.replaceChildren(el('p', {}, 'Graph, in ' + seconds + ' s:'), el('pre', {}, await response.text()));
      }
      li.dataset.state = 'done';
    } catch (error) {
      result.replaceChildren(el('p', { class: 'error' }, String(error.message || error)));
      li.dataset.state = 'failed';
    }
  }

  function show(result, answer, seconds) {
    if (typeof answer.boolean === 'boolean') {
      result.replaceChildren(el('p', {}, 'Answer: ' + answer.boolean + ' (' + seconds + ' s)'));
      return;
    }
    const columns = answer.head.vars;
    const rows = answer.results.bindings;
    const shown = rows.slice(0, SHOWN_ROWS);
    const table = el('table', {},
      el('thead', {}, el('tr', {}, ...columns.map(c => el('th', {}, c)))),
      el('tbody', {}, ...shown.map(row => el('tr', {}, ...columns.map(c => el('td', {}, row[c] ? row[c].value : ''))))));
    const count = rows.length + (rows.length === 1 ? ' row' : ' rows') + ' in ' + seconds + ' s'
      + (rows.length > shown.length ? '; the first ' + shown.length + ' shown' : '');
    result.replaceChildren(el('p', { class: 'count' }, count), table);
  }

  async function start() {
    try {
      const response = await fetch('index.json');
      if (!response.ok) {
        throw new Error('HTTP ' + response.status + ' for the list of queries');
      }
      const listing = await response.json();
      document.getElementById('queries').replaceChildren(...listing.queries.map(item));
      status.textContent = listing.queries.length + ' queries, run against ' + ENDPOINT;
      document.body.dataset.state = 'ready';
    } catch (error) {
      status.textContent = 'Cannot list the queries: ' + (error.message || error);
      document.body.dataset.state = 'failed';
    }
  }

  start();
})();
