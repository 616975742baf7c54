// StanceGraph explorer: draws who supports whom from the server's own SPARQL endpoint.
// It runs three named queries (served from the project's queries/ folder), keeps their rows,
// and filters and aggregates them here, so that changing a filter needs no new request.
'use strict';

(function () {
  const ENDPOINT = document.querySelector('meta[name="stancegraph-sparql"]').content;
  const STANCE = 'https://w3id.org/stancegraph/stance/';
  const WIKIDATA = 'https://www.wikidata.org/wiki/';

  // Stance classes drawn as directed edges between actors; support and opposition are on at first.
  const CLASSES = [
    { key: 'support', label: 'supports', colour: '#2e7d32', on: true },
    { key: 'oppose', label: 'opposes', colour: '#c62828', on: true },
    { key: 'deny', label: 'denies a claim of', colour: '#8e24aa', on: false },
    { key: 'appeal', label: 'appeals to', colour: '#1565c0', on: false },
    { key: 'mediate', label: 'mediates with', colour: '#00838f', on: false },
  ];
  // The alliance layer: ally is mutual (no arrow), member points at the organisation.
  const RELATIONS = {
    ally: { label: 'allied with', colour: '#6d4c41', line: 'dashed' },
    member: { label: 'member of', colour: '#7b8794', line: 'dotted' },
  };
  const KINDS = {
    State: { label: 'state', shape: 'ellipse', colour: '#90caf9' },
    DeFactoState: { label: 'de-facto state', shape: 'diamond', colour: '#ffcc80' },
    InternationalOrganisation: { label: 'international organisation', shape: 'round-rectangle', colour: '#a5d6a7' },
    MilitaryAlliance: { label: 'military alliance', shape: 'hexagon', colour: '#81c784' },
    OrganisationBody: { label: 'organisation body', shape: 'round-rectangle', colour: '#e6ee9c' },
    ArmedGroup: { label: 'armed group', shape: 'diamond', colour: '#bcaaa4' },
    Person: { label: 'person', shape: 'triangle', colour: '#f48fb1' },
    '': { label: 'other', shape: 'ellipse', colour: '#cfd8dc' },
  };

  const state = { actors: new Map(), statements: [], alliances: [], articles: new Map() };
  const $ = (id) => document.getElementById(id);

  // ---- SPARQL

  async function queryText(name) {
    const response = await fetch('queries/' + name + '.rq');
    if (!response.ok) throw new Error('query ' + name + ': HTTP ' + response.status);
    return response.text();
  }

  async function select(name) {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query: await queryText(name) }),
    });
    if (!response.ok) throw new Error(name + ': ' + response.status + ' ' + (await response.text()).slice(0, 200));
    const json = await response.json();
    return json.results.bindings.map((b) => {
      const row = {};
      for (const [k, v] of Object.entries(b)) row[k] = v.value;
      return row;
    });
  }

  const local = (iri, ns) => (iri && iri.startsWith(ns) ? iri.slice(ns.length) : iri || '');

  async function load() {
    const [actors, statements, alliances] = await Promise.all(
      [select('explorer-actors'), select('explorer-statements'), select('alliances')]);
    for (const a of actors) {
      state.actors.set(a.actor, { id: a.actor, label: a.label || local(a.actor, 'https://w3id.org/stancegraph/actor/'),
        kind: KINDS[a.kind || ''] ? a.kind || '' : '', wikidata: a.wikidata || '' });
    }
    // One row per statement and target; a statement with two targets makes two edges.
    state.statements = statements.map((s) => ({
      id: s.statement, actor: s.actor, target: s.target, cls: local(s.class, STANCE), stance: local(s.stance, STANCE),
      speaker: s.speakerLabel || local(s.speaker, 'https://w3id.org/stancegraph/actor/'), quote: s.quote || '',
      sentence: s.sentence || '', date: s.date || '', article: s.article, articleId: s.articleId,
    }));
    for (const s of statements) {
      if (!state.articles.has(s.article)) {
        state.articles.set(s.article, { iri: s.article, id: s.articleId, title: s.title || s.articleId, url: s.url || '', dates: new Set() });
      }
      if (s.date) state.articles.get(s.article).dates.add(s.date);
    }
    state.alliances = alliances.map((a) => ({ actor: a.actor, partner: a.partner, relation: a.relation, source: a.source }));
  }

  // ---- filters

  function buildFilters() {
    for (const c of CLASSES) {
      const label = document.createElement('label');
      label.className = 'check';
      label.innerHTML = '<input type="checkbox"><span class="swatch"></span>';
      label.firstChild.value = c.key;
      label.firstChild.checked = c.on;
      label.firstChild.dataset.stanceClass = c.key;
      label.children[1].style.borderColor = c.colour;
      label.append(c.key);
      label.title = 'A ' + c.label + ' B';
      $('classes').append(label);
    }
    const sortedActors = [...state.actors.values()].sort((a, b) => a.label.localeCompare(b.label));
    for (const a of sortedActors) {
      const option = document.createElement('option');
      option.value = a.id;
      option.textContent = a.label;
      $('actor').append(option);
    }
    const articles = [...state.articles.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const a of articles) {
      const label = document.createElement('label');
      label.className = 'check';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = a.iri;
      box.dataset.articleId = a.id;
      const text = document.createElement('span');
      text.textContent = a.title + ' ';
      const id = document.createElement('span');
      id.className = 'id';
      id.textContent = a.id;
      text.append(id);
      label.append(box, text);
      $('articles').append(label);
    }
    const dates = state.statements.map((s) => s.date).filter(Boolean).sort();
    if (dates.length) {
      $('date-from').min = $('date-to').min = dates[0];
      $('date-from').max = $('date-to').max = dates[dates.length - 1];
    }
    document.querySelectorAll('#filters input, #filters select').forEach((el) => el.addEventListener('change', redraw));
    $('articles-all').addEventListener('click', () => setArticles(true));
    $('articles-none').addEventListener('click', () => setArticles(false));
  }

  function setArticles(on) {
    document.querySelectorAll('#articles input').forEach((box) => { box.checked = on; });
    redraw();
  }

  function currentFilters() {
    return {
      from: $('date-from').value,
      to: $('date-to').value,
      undated: $('include-undated').checked,
      classes: new Set([...document.querySelectorAll('#classes input:checked')].map((b) => b.value)),
      actor: $('actor').value,
      alliances: $('alliances').checked,
      articles: new Set([...document.querySelectorAll('#articles input:checked')].map((b) => b.value)),
    };
  }

  // A statement passes when its article is chosen and its date is in range (undated ones by choice).
  function passes(s, f) {
    if (!f.articles.has(s.article)) return false;
    if (!s.date) return f.undated;
    return (!f.from || s.date >= f.from) && (!f.to || s.date <= f.to);
  }

  const touches = (f, a, b) => !f.actor || a === f.actor || b === f.actor;

  // ---- the network under the filters

  function network(f) {
    const kept = state.statements.filter((s) => passes(s, f));
    const edges = new Map();
    const positionsTaken = new Map();
    const seen = new Set();
    for (const s of kept) {
      if (!seen.has(s.id)) {
        seen.add(s.id);
        positionsTaken.set(s.actor, (positionsTaken.get(s.actor) || 0) + 1);
      }
      if (!f.classes.has(s.cls) || !touches(f, s.actor, s.target)) continue;
      const id = s.cls + ' ' + s.actor + ' ' + s.target;
      if (!edges.has(id)) edges.set(id, { id, source: s.actor, target: s.target, cls: s.cls, layer: 'stance', statements: [] });
      edges.get(id).statements.push(s);
    }
    if (f.alliances) addAllianceEdges(f, kept, edges);
    for (const e of edges.values()) {
      e.weight = e.statements.length;
      e.articles = new Set(e.statements.map((s) => s.article)).size;
    }
    const nodes = new Set();
    for (const e of edges.values()) { nodes.add(e.source); nodes.add(e.target); }
    return { edges: [...edges.values()], nodes: [...nodes], positionsTaken, kept };
  }

  // Ally and member edges reported by the articles that pass the filters (with their ally and member statements),
  // and the dictionary's memberships between actors that are drawn anyway.
  function addAllianceEdges(f, kept, edges) {
    const key = (relation, a, b) => (relation === 'ally' && b < a ? [relation, b, a] : [relation, a, b]);
    const alliance = (relation, a, b) => {
      const [r, source, target] = key(relation, a, b);
      const id = r + ' ' + source + ' ' + target;
      if (!edges.has(id)) edges.set(id, { id, source, target, cls: r, layer: 'alliance', statements: [], sources: new Set() });
      return edges.get(id);
    };
    // An article's own alliance edges count when some of its statements pass the filters.
    const articlesKept = new Set(kept.map((s) => s.articleId));
    for (const s of kept) {
      if ((s.cls === 'ally' || s.cls === 'member') && touches(f, s.actor, s.target)) {
        const e = alliance(s.cls, s.actor, s.target);
        e.statements.push(s);
        e.sources.add(s.articleId);
      }
    }
    for (const a of state.alliances) {
      if (a.source !== 'dictionary' && articlesKept.has(a.source) && touches(f, a.actor, a.partner)) {
        alliance(a.relation, a.actor, a.partner).sources.add(a.source);
      }
    }
    const drawn = new Set();
    for (const e of edges.values()) { drawn.add(e.source); drawn.add(e.target); }
    for (const a of state.alliances) {
      if (a.source === 'dictionary' && drawn.has(a.actor) && drawn.has(a.partner) && touches(f, a.actor, a.partner)) {
        alliance(a.relation, a.actor, a.partner).sources.add('dictionary');
      }
    }
  }

  // ---- drawing

  let cy;
  // What the details panel shows ({ kind: 'edge' | 'actor', id }), shown again under new filters.
  let selection = null;
  let lastNetwork = { edges: [] };

  function style() {
    return [
      { selector: 'node', style: {
        label: 'data(label)', 'font-size': 15, 'font-weight': 600, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#102a43',
        'text-background-color': '#fbfcfd', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        width: 'data(size)', height: 'data(size)', 'background-color': 'data(colour)', shape: 'data(shape)',
        'border-width': 1, 'border-color': '#486581' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f0b429' } },
      { selector: 'edge', style: {
        width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
        'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', opacity: 0.85,
        label: 'data(weight)', 'font-size': 12, color: '#334e68', 'text-rotation': 'autorotate',
        'text-background-color': '#fbfcfd', 'text-background-opacity': 0.9, 'text-background-padding': 1 } },
      { selector: 'edge[layer = "alliance"]', style: { 'line-style': 'data(line)', opacity: 0.75 } },
      { selector: 'edge[cls = "ally"]', style: { 'target-arrow-shape': 'none' } },
      { selector: 'edge:selected', style: { opacity: 1, 'underlay-color': '#f0b429', 'underlay-opacity': 0.5, 'underlay-padding': 3 } },
    ];
  }

  function redraw() {
    const f = currentFilters();
    const net = network(f);
    const elements = [];
    for (const id of net.nodes) {
      const actor = state.actors.get(id) || { id, label: local(id, 'https://w3id.org/stancegraph/actor/'), kind: '', wikidata: '' };
      const kind = KINDS[actor.kind];
      const taken = net.positionsTaken.get(id) || 0;
      elements.push({ group: 'nodes', data: { id, label: actor.label, kind: actor.kind, wikidata: actor.wikidata,
        positions: taken, size: Math.round(22 + 10 * Math.sqrt(taken)), colour: kind.colour, shape: kind.shape } });
    }
    for (const e of net.edges) {
      const look = e.layer === 'alliance' ? RELATIONS[e.cls] : CLASSES.find((c) => c.key === e.cls);
      elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, cls: e.cls, layer: e.layer,
        weight: e.weight || '', articles: e.articles, colour: look.colour, line: look.line || 'solid',
        width: 2 + 2 * Math.sqrt(Math.max(e.weight, 1)), sources: e.sources ? [...e.sources].sort() : [] } });
    }
    const positions = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    cy.elements().remove();
    cy.add(elements);
    for (const e of net.edges) cy.getElementById(e.id).scratch('_statements', e.statements);
    // Keep where the reader left the nodes; place new ones by a layout seeded from a circle,
    // so the same data always gives the same picture.
    const known = cy.nodes().filter((n) => positions.has(n.id()));
    known.forEach((n) => n.position(positions.get(n.id())));
    if (known.length < cy.nodes().length) {
      cy.layout({ name: 'circle', sort: (a, b) => a.id().localeCompare(b.id()) }).run();
      cy.layout({ name: 'cose', randomize: false, animate: false, nodeRepulsion: () => 250000, nodeOverlap: 40,
        idealEdgeLength: () => 90, edgeElasticity: () => 60, gravity: 0.4, numIter: 2500, padding: 40 }).run();
    }
    cy.fit(undefined, 60);
    lastNetwork = net;
    showSelection();
    const stanceEdges = net.edges.filter((e) => e.layer === 'stance');
    $('status').textContent = net.nodes.length + ' actors, ' + stanceEdges.length + ' stance edges from '
      + new Set(stanceEdges.flatMap((e) => e.statements.map((s) => s.id))).size + ' statements'
      + (f.alliances ? ', ' + (net.edges.length - stanceEdges.length) + ' alliance and membership edges' : '')
      + ' — ' + state.statements.length + ' statement rows in the store';
    document.body.dataset.state = 'ready';
  }

  function legend() {
    const rows = [];
    for (const c of CLASSES) rows.push(['<span class="swatch" style="border-color:' + c.colour + '"></span>', c.key + ' →']);
    for (const [key, r] of Object.entries(RELATIONS)) {
      rows.push(['<span class="swatch ' + r.line + '" style="border-color:' + r.colour + '"></span>', key]);
    }
    for (const k of Object.values(KINDS)) {
      const radius = k.shape === 'ellipse' ? '50%' : k.shape === 'round-rectangle' ? '3px' : '0';
      const turn = k.shape === 'diamond' ? 'transform:rotate(45deg) scale(0.8);' : '';
      const clip = k.shape === 'triangle' ? 'clip-path:polygon(50% 0,100% 100%,0 100%);'
        : k.shape === 'hexagon' ? 'clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%);' : '';
      rows.push(['<span class="shape" style="background:' + k.colour + ';border-radius:' + radius + ';' + turn + clip + '"></span>', k.label]);
    }
    $('legend').innerHTML = rows.map(([mark, text]) => '<span class="legend-row">' + mark + text + '</span>').join('')
      + '<span class="legend-row hint">Node size: positions taken. Edge width and number: statements.</span>';
  }

  // ---- the statements panel

  function wikidataLink(actorId) {
    const actor = state.actors.get(actorId);
    const span = document.createElement('span');
    span.textContent = actor ? actor.label : actorId;
    if (actor && actor.wikidata) {
      const a = document.createElement('a');
      a.href = WIKIDATA + actor.wikidata;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = actor.wikidata;
      a.title = 'on Wikidata';
      a.className = 'wikidata';
      span.append(' (', a, ')');
    }
    return span;
  }

  function articleLink(s) {
    const article = state.articles.get(s.article);
    const a = document.createElement('a');
    a.className = 'article';
    // The article's own address when known; else its graph in this store (Graph Store read).
    a.href = article.url || ENDPOINT.replace(/sparql$/, 'get') + '?graph=' + encodeURIComponent(s.article);
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = article.title;
    a.title = article.url ? article.url : 'the article graph in this store';
    return a;
  }

  function statementItem(s) {
    const li = document.createElement('li');
    li.className = 'statement';
    li.dataset.statement = s.id;
    const head = document.createElement('div');
    head.className = 'meta';
    const tag = document.createElement('span');
    tag.className = 'tag';
    const look = CLASSES.find((c) => c.key === s.cls) || RELATIONS[s.cls];
    tag.style.background = look ? look.colour : '#627d98';
    tag.textContent = s.stance || s.cls;
    head.append(wikidataLink(s.actor), ' ', tag, ' ', wikidataLink(s.target));
    const quote = document.createElement('p');
    quote.className = s.quote ? 'quote' : 'quote sentence';
    quote.textContent = s.quote ? '“' + s.quote + '”' : s.sentence;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.append((s.speaker ? s.speaker + ' · ' : '') + (s.date || 'no date') + ' · ', articleLink(s));
    li.append(head, quote, meta);
    return li;
  }

  function heading(text) {
    const li = document.createElement('li');
    li.className = 'heading';
    li.innerHTML = '<h3></h3>';
    li.firstChild.textContent = text;
    return li;
  }

  function showSelection() {
    if (!selection) return;
    if (selection.kind === 'actor') {
      showActor(selection.id);
      return;
    }
    // An edge the filters now leave out is shown with no statements rather than forgotten.
    const [cls, source, target] = selection.id.split(' ');
    const layer = RELATIONS[cls] ? 'alliance' : 'stance';
    showEdge(lastNetwork.edges.find((e) => e.id === selection.id)
      || { id: selection.id, source, target, cls, layer, statements: [], sources: new Set() });
  }

  function showEdge(edge) {
    selection = { kind: 'edge', id: edge.id };
    const statements = edge.statements;
    const look = edge.layer === 'alliance' ? RELATIONS[edge.cls] : CLASSES.find((c) => c.key === edge.cls);
    const source = state.actors.get(edge.source);
    const target = state.actors.get(edge.target);
    $('details-title').textContent = (source ? source.label : edge.source) + ' ' + look.label + ' '
      + (target ? target.label : edge.target);
    const sources = edge.sources ? [...edge.sources].sort() : [];
    // The pair's support and opposition under the filters, whichever class the edge is.
    const f = currentFilters();
    showTimeline(state.statements.filter((s) => s.actor === edge.source && s.target === edge.target && passes(s, f)));
    $('details-summary').textContent = statements.length + ' statement' + (statements.length === 1 ? '' : 's') + ' in '
      + new Set(statements.map((s) => s.article)).size + ' article(s)'
      + (sources.length ? '; reported by: ' + sources.join(', ') : '');
    $('statements').replaceChildren(...sorted(statements).map(statementItem));
  }

  function showActor(id) {
    selection = { kind: 'actor', id };
    const f = currentFilters();
    const kept = state.statements.filter((s) => passes(s, f));
    const unique = (rows) => [...new Map(rows.map((s) => [s.id + ' ' + s.target, s])).values()];
    const made = unique(kept.filter((s) => s.actor === id));
    const received = unique(kept.filter((s) => s.target === id));
    const title = $('details-title');
    title.replaceChildren(wikidataLink(id));
    const actor = state.actors.get(id);
    const kind = KINDS[actor ? actor.kind : ''].label;
    showTimeline(made);
    $('details-summary').textContent = kind + ': ' + new Set(made.map((s) => s.id)).size + ' positions taken, '
      + received.length + ' about it (under the filters)';
    $('statements').replaceChildren(heading('Positions it takes'), ...sorted(made).map(statementItem),
      heading('Positions about it'), ...sorted(received).map(statementItem));
  }

  // ---- the timeline: supporting and opposing statements per month, as inline SVG (no library)

  const TIMELINE_CLASSES = ['support', 'oppose'];

  // Every month from the first to the last, as yyyy-mm, so that the time axis has no holes.
  function monthsBetween(first, last) {
    const months = [];
    let [year, month] = first.split('-').map(Number);
    for (let m = first; m <= last; m = year + '-' + String(month).padStart(2, '0')) {
      months.push(m);
      month += 1;
      if (month > 12) { month = 1; year += 1; }
    }
    return months;
  }

  function svgElement(name, attributes, text) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // One statement per (statement, target) row, as the list shows them; undated ones have no month.
  function showTimeline(rows) {
    const figure = $('timeline');
    const drawn = rows.filter((s) => TIMELINE_CLASSES.includes(s.cls));
    const counts = new Map();
    for (const s of drawn.filter((r) => r.date)) {
      const key = s.date.slice(0, 7) + ' ' + s.cls;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const dated = [...counts.keys()].map((k) => k.slice(0, 7)).sort();
    const months = dated.length ? monthsBetween(dated[0], dated[dated.length - 1]) : [];
    const highest = Math.max(1, ...counts.values());
    const width = 340, height = 150, left = 28, right = 6, top = 22, bottom = 34;
    const plot = height - top - bottom;
    const slot = months.length ? (width - left - right) / months.length : 0;
    const bar = slot * 0.8 / TIMELINE_CLASSES.length;
    const svg = svgElement('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'supporting and opposing statements per month' });
    TIMELINE_CLASSES.forEach((cls, i) => {
      const look = CLASSES.find((c) => c.key === cls);
      svg.append(svgElement('rect', { x: left + i * 110, y: 4, width: 10, height: 10, fill: look.colour }),
        svgElement('text', { x: left + 14 + i * 110, y: 13 }, cls === 'support' ? 'supporting' : 'opposing'));
    });
    svg.append(svgElement('line', { x1: left, y1: top + plot, x2: width - right, y2: top + plot, stroke: '#486581' }),
      svgElement('line', { x1: left, y1: top, x2: left, y2: top + plot, stroke: '#486581' }),
      svgElement('text', { x: left - 4, y: top + 4, 'text-anchor': 'end' }, String(highest)),
      svgElement('text', { x: left - 4, y: top + plot + 3, 'text-anchor': 'end' }, '0'));
    const labelEvery = Math.ceil(months.length / 6);
    months.forEach((month, m) => {
      TIMELINE_CLASSES.forEach((cls, i) => {
        const count = counts.get(month + ' ' + cls) || 0;
        const h = count * plot / highest;
        const rect = svgElement('rect', { class: 'bar ' + cls, 'data-month': month, 'data-count': count,
          x: (left + m * slot + slot * 0.1 + i * bar).toFixed(1), y: (top + plot - h).toFixed(1),
          width: bar.toFixed(1), height: h.toFixed(1), fill: CLASSES.find((c) => c.key === cls).colour });
        rect.append(svgElement('title', {}, month + ': ' + count + ' ' + (cls === 'support' ? 'supporting' : 'opposing')));
        svg.append(rect);
      });
      if (m % labelEvery === 0) {
        svg.append(svgElement('text', { x: (left + (m + 0.5) * slot).toFixed(1), y: top + plot + 14, 'text-anchor': 'middle' }, month));
      }
    });
    const undated = drawn.length - drawn.filter((s) => s.date).length;
    const caption = document.createElement('figcaption');
    caption.textContent = (months.length ? 'Supporting and opposing statements per month, under the filters'
      : 'No dated supporting or opposing statements under the filters')
      + (undated ? '; ' + undated + ' without a date not shown' : '') + '.';
    figure.replaceChildren(svg, caption);
    figure.hidden = false;
  }

  const sorted = (rows) => [...rows].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999')
    || a.articleId.localeCompare(b.articleId) || a.id.localeCompare(b.id));

  // ---- start

  async function start() {
    cy = cytoscape({ container: $('graph'), style: style(), wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 4 });
    window.cy = cy;     // for the browser tests and for curious readers at the console
    cy.on('tap', 'edge', (event) => showEdge(lastNetwork.edges.find((e) => e.id === event.target.id())));
    cy.on('tap', 'node', (event) => showActor(event.target.id()));
    try {
      await load();
      buildFilters();
      legend();
      redraw();
    } catch (error) {
      $('status').textContent = 'Could not load the network: ' + error.message;
      $('status').className = 'error';
      document.body.dataset.state = 'error';
    }
  }

  start();
})();
