#!/usr/bin/python3
"""Scores `parcelnet analyze` on a shipment world from the outside, as a judge would.

    score_world.py WORLD_DIR OUT_DIR [--name NAME] [--json FILE] [--seed 42]
    score_world.py --table RESULTS.jsonl        (Markdown tables of collected results: means, runs)
    score_world.py --runs-table RESULTS.jsonl   (the per-run table only)

WORLD_DIR holds shipments.csv.gz and the truth files (truth_parties.csv, truth_shipments.csv);
OUT_DIR is the output folder of `./parcelnet analyze --shipments WORLD_DIR/shipments.csv.gz
--out OUT_DIR`, run without --truth. Only ParcelNet's output files are read (docs/data-format.md):

* ring F1: mean over planted rings of the best-match F1 max_C 2|G n C| / (|G| + |C|), a found ring
  being the parties with role `member` in ring_members.csv; also with members and customers, and
  for the Leiden communities of communities.csv (the stage before the ring finder);
* case linking, from networks.csv: largest case network as a share of cases and of shipments,
  number and sizes of networks, pair precision (same-ring pairs among linked case pairs that touch
  a ring case) and pair recall (linked share of same-ring case pairs);
* lead precision@50: planted ring parties among the first 50 rows of leads.csv;
* baseline: igraph's Louvain (community_multilevel) and Leiden (modularity), seeded, on the
  undirected party graph built here from the shipments (sender-receiver, weight = shipments),
  scored with the same best-match F1.
"""
import argparse
import collections
import csv
import gzip
import io
import json
import os
import random
import sys

import igraph


def normalise_phone(raw):
    """Digits only (full-width too); a leading 00 read as + and dropped, then +86 / 0086, and 86 before a
    13-digit mobile (docs/data-format.md)."""
    digits, plus, seen = [], False, False
    for c in raw:
        if '0' <= c <= '9':
            digits.append(c)
            seen = True
        elif '\uff10' <= c <= '\uff19':
            digits.append(chr(ord(c) - 0xFF10 + 48))
            seen = True
        elif c == '+' and not seen:
            plus = True
    d = ''.join(digits)
    if len(d) > 4 and d.startswith('00'):
        d, plus = d[2:], True
    if plus and len(d) > 2 and d.startswith('86'):
        return d[2:]
    if len(d) == 13 and d.startswith('861'):
        return d[2:]
    return d


def unquote_cell(s):
    """Undo ParcelNet's spreadsheet-safe rule: one leading apostrophe removed."""
    return s[1:] if s.startswith("'") else s


def read_csv(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8-sig', newline='') as f:
        yield from csv.DictReader(f)


def best_match_f1(truth_sets, found_sets):
    """Per planted ring: (F1, index of the best found set, |G n C|, |C|) with F1 = 2|G n C| / (|G| + |C|)."""
    where = collections.defaultdict(list)
    for k, c in enumerate(found_sets):
        for p in c:
            where[p].append(k)
    out = {}
    for ring, g in truth_sets.items():
        inter = collections.Counter(k for p in g for k in where.get(p, ()))
        best = (0.0, -1, 0, 0)
        for k, n in inter.items():
            f1 = 2.0 * n / (len(g) + len(found_sets[k]))
            if f1 > best[0]:
                best = (f1, k, n, len(found_sets[k]))
        out[ring] = best
    return out


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float('nan')


def score(world, out, seed=42):
    party_ring = {}
    for row in read_csv(os.path.join(world, 'truth_parties.csv')):
        if row['ring'] != '':
            # the truth's party ids are phones as generated: normalised as analyze normalises them
            party_ring[normalise_phone(row['party'])] = row['ring']
    rings = collections.defaultdict(set)
    for p, r in party_ring.items():
        rings[r].add(p)
    ship_ring = {row['shipment_id']: row['ring'] for row in read_csv(os.path.join(world, 'truth_shipments.csv'))}

    # the shipments: cases and the party graph for the baseline
    flagged_words = {'true', '1', 'yes'}
    cases = []
    edge_w = collections.Counter()
    index = {}
    n_ship = 0
    for row in read_csv(os.path.join(world, 'shipments.csv.gz')):
        n_ship += 1
        if row.get('flagged', '').strip().lower() in flagged_words:
            cases.append(row['shipment_id'])
        a = index.setdefault(normalise_phone(row['sender_phone']), len(index))
        b = index.setdefault(normalise_phone(row['receiver_phone']), len(index))
        edge_w[(a, b) if a <= b else (b, a)] += 1
    names = [None] * len(index)
    for p, i in index.items():
        names[i] = p
    res = dict(shipments=n_ship, parties=len(index), rings=len(rings), ring_parties=len(party_ring),
               cases=len(cases), ring_cases=sum(1 for c in cases if ship_ring.get(c)))

    # ParcelNet's rings
    found = collections.defaultdict(set)
    found_all = collections.defaultdict(set)
    for row in read_csv(os.path.join(out, 'ring_members.csv')):
        p = unquote_cell(row['party'])
        found_all[row['ring']].add(p)
        if row['role'] == 'member':
            found[row['ring']].add(p)
    keys = sorted(found_all, key=lambda k: int(k) if k.lstrip('-').isdigit() else k)
    found_sets = [found.get(k, set()) for k in keys]
    all_sets = [found_all[k] for k in keys]
    per_ring = best_match_f1(rings, found_sets)
    per_ring_all = best_match_f1(rings, all_sets)
    res['found_rings'] = len(keys)
    res['ring_f1'] = mean(v[0] for v in per_ring.values())
    res['ring_f1_with_customers'] = mean(v[0] for v in per_ring_all.values())
    rings_csv = list(read_csv(os.path.join(out, 'rings.csv')))
    sizes_csv = {unquote_cell(r['ring']): int(r['size']) for r in rings_csv}
    res['rings_csv_rows'] = len(rings_csv)
    res['rings_csv_size_is'] = ('members' if all(sizes_csv.get(k) == len(found.get(k, ())) for k in keys)
                                else 'members+customers' if all(sizes_csv.get(k) == len(found_all[k]) for k in keys)
                                else 'other')
    res['per_ring'] = {r: dict(size=len(rings[r]), f1=round(v[0], 4), found=keys[v[1]] if v[1] >= 0 else None,
                               overlap=v[2], found_size=v[3],
                               f1_with_customers=round(per_ring_all[r][0], 4))
                       for r, v in sorted(per_ring.items(), key=lambda kv: int(kv[0]))}
    # which planted rings each found ring holds
    res['found_detail'] = {}
    for k, s in zip(keys, found_sets):
        comp = collections.Counter(party_ring.get(p, '-') for p in s)
        res['found_detail'][k] = dict(members=len(s), customers=len(found_all[k]) - len(s),
                                      by_ring=dict(comp.most_common()))

    # Leiden communities written by analyze (before the ring finder)
    comm_path = os.path.join(out, 'communities.csv')
    if os.path.exists(comm_path):
        comm = collections.defaultdict(set)
        for row in read_csv(comm_path):
            comm[row['community']].add(unquote_cell(row['node']))
        res['communities_f1'] = mean(v[0] for v in best_match_f1(rings, list(comm.values())).values())

    # case linking
    net = {row['shipment_id']: row['network'] for row in read_csv(os.path.join(out, 'networks.csv'))}
    by_net = collections.defaultdict(list)
    for c in cases:
        by_net[net.get(c, 'none:' + c)].append(ship_ring.get(c) or None)
    sizes = sorted((len(v) for v in by_net.values()), reverse=True)
    res['networks'] = len(by_net)
    res['networks_2plus'] = sum(1 for s in sizes if s >= 2)
    res['largest_network'] = sizes[0] if sizes else 0
    res['largest_share_cases'] = sizes[0] / len(cases) if cases else 0.0
    res['largest_share_shipments'] = sizes[0] / n_ship
    res['network_sizes_top'] = sizes[:12]
    res['singletons'] = sum(1 for s in sizes if s == 1)
    linked_touching = same_linked = 0
    for labels in by_net.values():
        n = len(labels)
        bg = sum(1 for x in labels if x is None)
        linked_touching += n * (n - 1) // 2 - bg * (bg - 1) // 2
        for r, k in collections.Counter(x for x in labels if x is not None).items():
            same_linked += k * (k - 1) // 2
    ring_case_counts = collections.Counter(ship_ring[c] for c in cases if ship_ring.get(c))
    same_all = sum(k * (k - 1) // 2 for k in ring_case_counts.values())
    res['pair_precision'] = same_linked / linked_touching if linked_touching else float('nan')
    res['pair_recall'] = same_linked / same_all if same_all else float('nan')

    # leads
    leads = sorted(read_csv(os.path.join(out, 'leads.csv')), key=lambda r: int(r['rank']))[:50]
    res['lead_p50'] = sum(1 for r in leads if unquote_cell(r['party']) in party_ring) / 50.0

    # baseline: seeded igraph Louvain and Leiden on the undirected weighted party graph
    g = igraph.Graph(n=len(index), edges=list(edge_w.keys()))
    g.es['weight'] = list(edge_w.values())
    random.seed(seed)
    igraph.set_random_number_generator(random)
    louvain = g.community_multilevel(weights='weight')
    random.seed(seed)
    leiden = g.community_leiden(objective_function='modularity', weights='weight', n_iterations=-1)
    for label, part in (('louvain', louvain), ('leiden', leiden)):
        groups = collections.defaultdict(set)
        for v, c in enumerate(part.membership):
            groups[c].add(names[v])
        bm = best_match_f1(rings, list(groups.values()))
        res[label + '_f1'] = mean(v[0] for v in bm.values())
        res[label + '_modularity'] = part.modularity
        res[label + '_per_ring'] = {r: round(v[0], 4) for r, v in sorted(bm.items(), key=lambda kv: int(kv[0]))}

    summary_path = os.path.join(out, 'summary.json')
    if os.path.exists(summary_path):
        with open(summary_path, encoding='utf-8') as f:
            summary = json.load(f)
        res['seconds'] = summary.get('seconds', {}).get('total') if isinstance(summary.get('seconds'), dict) else None
    return res


LINE = ('{name}: ring F1 {ring_f1:.3f} (with customers {ring_f1_with_customers:.3f}, Leiden communities '
        '{communities_f1:.3f}; {found_rings} found / {rings} planted) | Louvain {louvain_f1:.3f} Leiden {leiden_f1:.3f} | '
        'linking P {pair_precision:.3f} R {pair_recall:.3f}, {networks_2plus} networks of 2+, largest {largest_network} '
        '({largest_share_cases:.1%} of cases, {largest_share_shipments:.3%} of shipments) | lead P@50 {lead_p50:.2f}')

TABLE_COLUMNS = [('ring F1', 'ring_f1'), ('F1 +customers', 'ring_f1_with_customers'),
                 ('Leiden comm. F1', 'communities_f1'), ('Louvain F1', 'louvain_f1'), ('igraph Leiden F1', 'leiden_f1'),
                 ('found/planted', None), ('pair P', 'pair_precision'), ('pair R', 'pair_recall'),
                 ('networks 2+', 'networks_2plus'), ('largest (cases)', 'largest_share_cases'),
                 ('lead P@50', 'lead_p50')]


def table(results):
    head = '| world | ' + ' | '.join(c for c, _ in TABLE_COLUMNS) + ' |'
    lines = [head, '|' + '---|' * (len(TABLE_COLUMNS) + 1)]
    for r in results:
        cells = []
        for _, k in TABLE_COLUMNS:
            if k is None:
                cells.append('%d/%d' % (r['found_rings'], r['rings']))
            elif k == 'networks_2plus':
                cells.append(('%.1f' if isinstance(r[k], float) else '%d') % r[k])
            elif k == 'largest_share_cases':
                cells.append('%d (%.0f%%)' % (r['largest_network'], 100 * r[k]))
            else:
                cells.append('%.3f' % r[k])
        lines.append('| %s | %s |' % (r['name'], ' | '.join(cells)))
    return '\n'.join(lines)


def means_table(results):
    groups = collections.OrderedDict()
    for r in results:
        groups.setdefault(r['preset'], []).append(r)
    rows = []
    for preset, rs in groups.items():
        m = {k: mean(r[k] for r in rs) for _, k in TABLE_COLUMNS if k}
        m['found_rings'] = mean(r['found_rings'] for r in rs)
        m['rings'] = mean(r['rings'] for r in rs)
        m['largest_network'] = mean(r['largest_network'] for r in rs)
        m['name'] = '%s (mean of %d)' % (preset, len(rs))
        rows.append(m)
    out = table([dict(r, found_rings=round(r['found_rings']), rings=round(r['rings'])) for r in rows])
    return out.replace('| found/planted |', '| found/planted (mean, rounded) |')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('world', nargs='?')
    ap.add_argument('out', nargs='?')
    ap.add_argument('--name')
    ap.add_argument('--preset', default='')
    ap.add_argument('--json', help='append the result as one JSON line to this file')
    ap.add_argument('--seed', type=int, default=42)
    ap.add_argument('--table', help='print Markdown tables (means per preset, then per run) of a JSON-lines file')
    ap.add_argument('--runs-table', help='print the per-run Markdown table of a JSON-lines file')
    a = ap.parse_args()
    if a.runs_table:
        with open(a.runs_table, encoding='utf-8') as f:
            print(table([json.loads(line) for line in f if line.strip()]))
        return
    if a.table:
        with open(a.table, encoding='utf-8') as f:
            results = [json.loads(line) for line in f if line.strip()]
        print(means_table(results))
        print()
        print(table(results))
        return
    if not (a.world and a.out):
        ap.error('WORLD_DIR and OUT_DIR are required')
    res = score(a.world, a.out, a.seed)
    res['name'] = a.name or os.path.basename(os.path.normpath(a.world))
    res['preset'] = a.preset
    print(LINE.format(**res))
    if a.json:
        with open(a.json, 'a', encoding='utf-8') as f:
            f.write(json.dumps(res, sort_keys=True) + '\n')


if __name__ == '__main__':
    sys.exit(main())
